import { useEffect, useRef, useState } from "react";
import { App, Button, Space, Tooltip, Upload } from "antd";
import { BoldOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, PictureOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { uploadFile, uploadProblem } from "../../../components/upload/uploadService";

interface RichTextEditorProps {
  value?: string;
  onChange?: (html: string) => void;
}

/**
 * A light rich-text editor: contentEditable with the few blocks the phone renders (headings, paragraphs,
 * lists, quotes, bold, links, images). Whatever is typed or pasted, the server keeps only its whitelist,
 * and the phone preview shows the saved, sanitised version.
 */
export function RichTextEditor({ value = "", onChange }: RichTextEditorProps) {
  const { message } = App.useApp();
  const area = useRef<HTMLDivElement>(null);
  const [uploading, setUploading] = useState(false);

  useEffect(() => {
    if (area.current && area.current.innerHTML !== value) area.current.innerHTML = value;
  }, [value]);

  const emit = () => onChange?.(area.current?.innerHTML ?? "");
  const run = (command: string, argument?: string) => {
    area.current?.focus();
    document.execCommand(command, false, argument);
    emit();
  };

  return (
    <div style={{ border: "1px solid #d9d9d9", borderRadius: 8 }}>
      <Space wrap style={{ padding: 6, borderBottom: "1px solid #f0f0f0" }}>
        <Button size="small" onClick={() => run("formatBlock", "<h2>")}>标题</Button>
        <Button size="small" onClick={() => run("formatBlock", "<h3>")}>小标题</Button>
        <Button size="small" onClick={() => run("formatBlock", "<p>")}>正文</Button>
        <Button size="small" onClick={() => run("formatBlock", "<blockquote>")}>引用</Button>
        <Tooltip title="加粗"><Button size="small" icon={<BoldOutlined />} onClick={() => run("bold")} /></Tooltip>
        <Tooltip title="斜体"><Button size="small" icon={<ItalicOutlined />} onClick={() => run("italic")} /></Tooltip>
        <Tooltip title="项目列表"><Button size="small" icon={<UnorderedListOutlined />} onClick={() => run("insertUnorderedList")} /></Tooltip>
        <Tooltip title="编号列表"><Button size="small" icon={<OrderedListOutlined />} onClick={() => run("insertOrderedList")} /></Tooltip>
        <Tooltip title="链接（https://）">
          <Button
            size="small"
            icon={<LinkOutlined />}
            onClick={() => {
              const href = window.prompt("链接地址（https://…）");
              if (href && /^https:\/\//.test(href)) run("createLink", href);
              else if (href) void message.warning("请填写以 https:// 开头的链接");
            }}
          />
        </Tooltip>
        <Upload
          accept="image/jpeg,image/png,image/webp"
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(file) => {
            const problem = uploadProblem(file, "image");
            if (problem) {
              void message.error(problem);
              return Upload.LIST_IGNORE;
            }
            setUploading(true);
            void uploadFile(file)
              .then((uploaded) => run("insertImage", uploaded.url))
              .catch((error: Error) => void message.error(error.message))
              .finally(() => setUploading(false));
            return false;
          }}
        >
          <Tooltip title="插入图片（JPG、PNG、WebP，不超过 8 MB；自动压缩并去除拍摄信息）"><Button size="small" icon={<PictureOutlined />} loading={uploading} aria-label="插入图片" /></Tooltip>
        </Upload>
      </Space>
      <div
        ref={area}
        role="textbox"
        aria-label="正文"
        aria-multiline="true"
        contentEditable
        suppressContentEditableWarning
        onInput={emit}
        onBlur={emit}
        style={{ minHeight: 240, padding: "10px 12px", outline: "none", lineHeight: 1.75 }}
      />
    </div>
  );
}
