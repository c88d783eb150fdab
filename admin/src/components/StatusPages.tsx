import { Button, Result } from "antd";
import { useNavigate } from "react-router-dom";

/** Shown when a page exists but the signed-in staff member's roles do not include it. */
export function ForbiddenPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="暂时不能查看这个页面"
      subTitle="你的账号角色或所属范围没有包含这项工作。如果工作需要，请联系中心管理员调整权限。"
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          回到工作台
        </Button>
      }
    />
  );
}

/** Shown for an address the admin does not have. */
export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="没有找到这个页面"
      subTitle="地址可能输错了，或者你的账号没有这个页面。可以从左侧菜单重新进入。"
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          回到工作台
        </Button>
      }
    />
  );
}
