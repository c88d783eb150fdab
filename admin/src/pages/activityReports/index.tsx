import { Alert } from "antd";
import { PageContainer } from "../../components/PageContainer";
import { useAsync } from "../../hooks/useAsync";
import { ReportForm } from "./components/ReportForm";
import { ReportList } from "./components/ReportList";
import { listActivityReports } from "./service";

/**
 * 宣传月活动上报: a school's counsellors (and its centre admin) report what they ran in the Mental
 * Health Month — what, when, how many took part, photos — and see what their school has reported.
 */
export default function ActivityReportsPage() {
  const reports = useAsync(() => listActivityReports(), []);
  return (
    <PageContainer title="宣传月活动上报" description="五月心理健康月期间，本校开展的每一项活动都可以在这里上报，县心理中心会汇总全县各校的情况。">
      <Alert
        type="info"
        showIcon
        message="照片只给本校、本片区和县心理中心有权限的工作人员查看，不会公开，每次查看都会留下记录。请尽量不拍学生正脸，不拍姓名牌。"
      />
      <ReportForm onReported={reports.reload} />
      <ReportList title="本校已上报的活动" reports={reports} showSchool={false} emptyText="本校还没有上报活动，填好上面的表格就能上报第一项。" />
    </PageContainer>
  );
}
