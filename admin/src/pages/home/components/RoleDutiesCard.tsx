import { Card, List, Typography } from "antd";
import { staffRoleLabels, type StaffRole } from "@xinyuan/shared";
import { roleDuties } from "../roleDuties";

/** What each of my roles does in the admin, in plain words, so nobody lands on an empty home wondering. */
export function RoleDutiesCard({ roles }: { roles: readonly StaffRole[] }) {
  return (
    <Card size="small" title="我在这里做什么" data-testid="role-duties">
      <List
        size="small"
        dataSource={[...roles]}
        renderItem={(role) => (
          <List.Item>
            <Typography.Text>
              <Typography.Text strong>{staffRoleLabels[role]}：</Typography.Text>
              {roleDuties[role]}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
