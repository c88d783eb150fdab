import { useEffect, useState } from "react";
import { Button, Flex, Image, Skeleton, Typography } from "antd";
import { staffFileUrl } from "./uploadService";

/**
 * A staff-only picture (an activity-report photo, which can show children). The server serves it only
 * with the staff member's token and audits the read, so it is fetched, not linked, and the local copy is
 * dropped when the picture leaves the screen.
 */
export function StaffImage({ url, alt, size = 104 }: { url: string; alt: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    let local: string | null = null;
    setSrc(null);
    setFailed(null);
    staffFileUrl(url)
      .then((address) => {
        local = address;
        if (current) setSrc(address);
        else URL.revokeObjectURL(address);
      })
      .catch((error: Error) => current && setFailed(error.message));
    return () => {
      current = false;
      if (local) URL.revokeObjectURL(local);
    };
  }, [url, attempt]);
  if (failed)
    return (
      <Flex vertical align="center" justify="center" style={{ width: size, height: size, border: "1px dashed #d9d9d9", borderRadius: 6, padding: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>照片没能加载</Typography.Text>
        <Button size="small" type="link" onClick={() => setAttempt((value) => value + 1)}>
          重试
        </Button>
      </Flex>
    );
  if (!src) return <Skeleton.Image active style={{ width: size, height: size }} />;
  return <Image src={src} alt={alt} width={size} height={size} style={{ objectFit: "cover", borderRadius: 6 }} />;
}
