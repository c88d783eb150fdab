import { Card, Tabs } from "antd";
import { PageContainer } from "../../components/PageContainer";
import { AreasTab } from "./components/AreasTab";
import { SchoolsTab } from "./components/SchoolsTab";

/** 片区与学校: the county's directory of areas (县管片用) and schools. */
export default function DirectoryPage() {
  return (
    <PageContainer title="片区与学校" description="片区是心理教师服务的单位（县管片用）；学校归属片区，学生在小程序里按学校找到自己的信箱。">
      <Card>
        <Tabs
          destroyOnHidden
          items={[
            { key: "areas", label: "片区", children: <AreasTab /> },
            { key: "schools", label: "学校", children: <SchoolsTab /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
