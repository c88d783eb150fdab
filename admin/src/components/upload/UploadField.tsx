import { useState } from "react";
import { Alert, Button, Flex, Image, Typography, Upload } from "antd";
import { DeleteOutlined, UploadOutlined } from "@ant-design/icons";
import { uploadLimits, type UploadPurpose } from "@xinyuan/shared";
import { uploadFile, uploadProblem, type UploadKind } from "./uploadService";
import { StaffImage } from "./StaffImage";

/** An uploaded file as a form keeps it: the id the server wants and the address to show it from. */
export interface UploadedFile {
  id: string;
  url: string;
}

const accepts: Record<UploadKind, string> = { image: uploadLimits.image.types.join(","), video: uploadLimits.video.types.join(",") };
const hints: Record<UploadKind, string> = {
  image: "JPG、PNG 或 WebP，不超过 8 MB；上传后会自动缩小，并去掉拍摄时间、地点等信息。",
  video: "MP4 视频，不超过 100 MB。",
};

/** Sends one file after the same type and size checks the server makes; the states every upload needs. */
function useUpload(kind: UploadKind, purpose: UploadPurpose, onDone: (file: UploadedFile) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const beforeUpload = (file: File) => {
    const problem = uploadProblem(file, kind);
    setError(problem);
    if (problem) return Upload.LIST_IGNORE;
    setBusy(true);
    void uploadFile(file, purpose)
      .then((uploaded) => onDone({ id: uploaded.id, url: uploaded.url }))
      .catch((caught: Error) => setError(caught.message))
      .finally(() => setBusy(false));
    return false;
  };
  return { busy, error, beforeUpload };
}

interface UploadFieldProps {
  value?: UploadedFile | null;
  onChange?: (file: UploadedFile | null) => void;
  kind: UploadKind;
  /** What the file is, in the button: 封面图, 横幅, 视频. */
  label: string;
}

/** One public content file (cover, banner, video) for a form: upload, see it, replace or remove it. */
export function UploadField({ value, onChange, kind, label }: UploadFieldProps) {
  const upload = useUpload(kind, "content", (file) => onChange?.(file));
  return (
    <Flex vertical gap={8} align="flex-start">
      {value ? kind === "image" ? <Image src={value.url} alt={label} width={240} style={{ borderRadius: 6 }} /> : <video src={value.url} controls width={320} aria-label={label} /> : null}
      <Flex gap={8}>
        <Upload accept={accepts[kind]} showUploadList={false} beforeUpload={upload.beforeUpload} disabled={upload.busy}>
          <Button icon={<UploadOutlined />} loading={upload.busy}>
            {upload.busy ? "正在上传…" : `${value ? "更换" : "上传"}${label}`}
          </Button>
        </Upload>
        {value && !upload.busy ? (
          <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)}>
            移除
          </Button>
        ) : null}
      </Flex>
      {upload.error ? <Alert type="error" showIcon message={upload.error} /> : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hints[kind]}
      </Typography.Text>
    </Flex>
  );
}

interface PhotoListFieldProps {
  value?: UploadedFile[];
  onChange?: (files: UploadedFile[]) => void;
  max?: number;
}

/** Activity-report photos: staff-only uploads, shown through the staff-only address. */
export function PhotoListField({ value = [], onChange, max = 9 }: PhotoListFieldProps) {
  const upload = useUpload("image", "activity_report", (file) => onChange?.([...value, file]));
  return (
    <Flex vertical gap={8} align="flex-start">
      {value.length > 0 ? (
        <Flex gap={8} wrap>
          {value.map((photo, index) => (
            <Flex key={photo.id} vertical gap={4} align="center">
              <StaffImage url={photo.url} alt={`活动照片 ${index + 1}`} />
              <Button size="small" type="link" danger onClick={() => onChange?.(value.filter((other) => other.id !== photo.id))}>
                移除
              </Button>
            </Flex>
          ))}
        </Flex>
      ) : null}
      {value.length < max ? (
        <Upload accept={accepts.image} showUploadList={false} beforeUpload={upload.beforeUpload} disabled={upload.busy}>
          <Button icon={<UploadOutlined />} loading={upload.busy}>
            {upload.busy ? "正在上传…" : "添加照片"}
          </Button>
        </Upload>
      ) : null}
      {upload.error ? <Alert type="error" showIcon message={upload.error} /> : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        最多 {max} 张。照片只给有权限的工作人员看，不会公开；请尽量不拍学生正脸。
      </Typography.Text>
    </Flex>
  );
}
