import { Button, Result } from "antd";
import type { ApiError } from "../request";

interface LoadFailedProps {
  error: ApiError;
  onRetry: () => void;
  title?: string;
}

/** The error state of a page section: what went wrong in plain words, and a way to try again. */
export function LoadFailed({ error, onRetry, title = "没能加载出来" }: LoadFailedProps) {
  return (
    <Result
      status="warning"
      title={title}
      subTitle={error.message}
      extra={
        <Button type="primary" onClick={onRetry}>
          重新加载
        </Button>
      }
    />
  );
}
