import { PageContainer } from "../../components/PageContainer";
import { SupervisorBoard } from "./components/SupervisorBoard";

/** 热线看板: the live board for supervisors and the county centre (who may not work the line themselves). */
export default function HotlineBoardPage() {
  return (
    <PageContainer title="热线看板" description="热线排队人数、最长等待、值班同事的状态、今天的接听情况和在线咨询的排队，实时更新。">
      <SupervisorBoard />
    </PageContainer>
  );
}
