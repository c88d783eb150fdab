import { Typography } from "antd";
import type { PublicationReadView } from "@xinyuan/shared";

/**
 * The saved, sanitised content inside a phone frame (375 px, the mini-program's design width), with the
 * help numbers at the end as every reader sees them. The HTML shown here is the server's sanitised copy.
 */
export function PhonePreview({ item }: { item: Pick<PublicationReadView, "title" | "bodyHtml" | "helplines" | "event" | "kind"> }) {
  return (
    <div aria-label="手机预览" style={{ width: 375, border: "10px solid #222", borderRadius: 36, overflow: "hidden", background: "#f7f3ee" }}>
      <div style={{ textAlign: "center", padding: "8px 0", background: "#f7f3ee", fontWeight: 600 }}>心援</div>
      <div style={{ height: 620, overflowY: "auto", padding: "8px 16px 24px" }}>
        <Typography.Title level={4} style={{ marginTop: 8 }}>
          {item.title}
        </Typography.Title>
        <div className="xy-phone-body" style={{ fontSize: 16, lineHeight: 1.75, color: "#35322d" }} dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
        {item.event ? (
          <div style={{ background: "#fff", borderRadius: 16, padding: 12, margin: "12px 0" }}>
            <div>名额：{item.event.capacity}</div>
            <div>地点：{item.event.place || "线上"}</div>
          </div>
        ) : null}
        <div style={{ background: "#fff", borderRadius: 16, padding: 12, marginTop: 12 }}>
          <div style={{ fontWeight: 600, marginBottom: 6 }}>如果你或身边的人需要帮助</div>
          {item.helplines.map((line) => (
            <div key={line.number}>
              {line.name} <b>{line.number}</b>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
