import { statCellText, type StatCell, type StatisticsView, type StatRow } from "@xinyuan/shared";

/** One table of a report: a title, its column heads and its rows as text (suppressed cells read "<5"). */
export interface ReportSection {
  title: string;
  columns: string[];
  rows: string[][];
}

const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 1000) / 10}%`);
const maybe = (value: number | null, unit: string) => (value === null ? "—" : `${value}${unit}`);
const cell = (value: StatCell) => statCellText(value);

/**
 * The dashboard as report tables, in the order the centre reports them: the same sections for the Excel
 * and the PDF file, so the two never disagree.
 */
export function reportSections(view: StatisticsView): ReportSection[] {
  const { contacts } = view;
  const breakdown = (title: string, rows: StatRow[]): ReportSection => ({
    title,
    columns: ["项目", `本期（${view.period.from} 至 ${view.period.to}）`, `上期（${view.period.previousFrom} 至 ${view.period.previousTo}）`],
    rows: rows.map((row) => [row.label, cell(row.current), cell(row.previous)]),
  });
  const sections: ReportSection[] = [
    breakdown("服务总量", [contacts.total, contacts.followUpNeeded, contacts.referred]),
    breakdown("按渠道", contacts.byChannel),
    breakdown("按月份", contacts.byMonth),
    breakdown("按片区", contacts.byArea),
    breakdown("按学校", contacts.bySchool),
    breakdown("按学段", contacts.byStage),
    breakdown("按年龄段", contacts.byAgeBand),
    breakdown("按问题分类（大类）", contacts.byCategory),
    breakdown("按风险等级", contacts.byRisk),
  ];
  if (view.hotline) {
    const hotline = view.hotline;
    sections.push({
      title: "心理援助热线",
      columns: ["指标", "本期"],
      rows: [
        ["应接来电", cell(hotline.offered)],
        ["5 分钟内接起", cell(hotline.answeredWithin5Min)],
        ["5 分钟接起率", percent(hotline.serviceLevel)],
        ["等待时间中位数", maybe(hotline.medianWaitMinutes, " 分钟")],
        ["排队中放弃", cell(hotline.abandoned)],
        ["回拨未接通", cell(hotline.missedCallbacks)],
        ["完成通话", cell(hotline.completed)],
      ],
    });
  }
  if (view.chat) {
    const chat = view.chat;
    sections.push({
      title: "在线咨询",
      columns: ["指标", "本期"],
      rows: [
        ["发起咨询", cell(chat.chats)],
        ["老师已回复", cell(chat.answered)],
        ["首次回复时间中位数", maybe(chat.medianFirstResponseSeconds, " 秒")],
        ["收到评价", cell(chat.rated)],
        ["平均评分", maybe(chat.averageRating, " 分")],
        ...chat.ratings.map((row) => [`评分 ${row.label}`, cell(row.current)]),
      ],
    });
  }
  if (view.coverage) {
    sections.push({
      title: "值班覆盖",
      columns: ["指标", "本期"],
      rows: [
        ["服务时段", `${view.coverage.serviceHours} 小时`],
        ["无人排班", `${view.coverage.uncoveredHours} 小时`],
        ["排班覆盖率", percent(view.coverage.coveredShare)],
      ],
    });
  }
  const periodColumns = [`本期（${view.period.from} 至 ${view.period.to}）`, `上期（${view.period.previousFrom} 至 ${view.period.previousTo}）`];
  for (const box of view.letters) {
    sections.push({
      title: `来信回复 · ${box.label}`,
      columns: ["指标", ...periodColumns],
      rows: [
        ["收到来信", cell(box.received.current), cell(box.received.previous)],
        ["按时回复", cell(box.repliedOnTime.current), cell(box.repliedOnTime.previous)],
        ["超时回复", cell(box.repliedLate.current), cell(box.repliedLate.previous)],
        ["尚未回复", cell(box.unreplied.current), cell(box.unreplied.previous)],
        ["首次回复用时中位数", maybe(box.medianReplyWorkingDays.current, " 个工作日"), maybe(box.medianReplyWorkingDays.previous, " 个工作日")],
      ],
    });
  }
  const { cases } = view;
  sections.push({
    title: "危机个案",
    columns: ["指标", ...periodColumns],
    rows: [
      ...[cases.opened, cases.ownedWithin5Min].map((row) => [row.label, cell(row.current), cell(row.previous)]),
      ["5 分钟内有人负责的比例", percent(cases.ownedShare.current), percent(cases.ownedShare.previous)],
      ...[cases.referred, cases.closed].map((row) => [row.label, cell(row.current), cell(row.previous)]),
    ],
  });
  const indicators = view.indicators;
  const share = (part: number) => percent(indicators.schools > 0 ? part / indicators.schools : null);
  const pair = (label: string, value: { current: number; previous: number }) => [label, String(value.current), String(value.previous)];
  sections.push({
    title: "工作指标",
    columns: ["指标", "数量"],
    rows: [
      ["学校数", String(indicators.schools)],
      ["有专职心理教师的学校", String(indicators.schoolsWithOwnCounsellor)],
      ["专职心理教师覆盖率", share(indicators.schoolsWithOwnCounsellor)],
      ["开通学校心理信箱的学校", String(indicators.schoolsWithMailbox)],
      ["心理信箱覆盖率", share(indicators.schoolsWithMailbox)],
      ["有心理辅导室（含开放时间）的学校", String(indicators.schoolsWithRoom)],
      ["心理辅导室覆盖率", share(indicators.schoolsWithRoom)],
      ["本期上报活动的学校", String(indicators.schoolsReportingActivities)],
      ["学校心理教师（在岗账号）", String(indicators.schoolCounsellors)],
      ["片区心理教师（在岗账号）", String(indicators.areaCounsellors)],
      ["县中心咨询师（在岗账号）", String(indicators.countyCounsellors)],
    ],
  });
  sections.push({
    title: "活动与宣传",
    columns: ["指标", ...periodColumns],
    rows: [
      pair("学校上报活动（场）", indicators.activities),
      pair("活动参与人次（学校上报）", indicators.activityParticipants),
      pair("发布内容（篇）", indicators.published),
      pair("内容阅读（次）", indicators.reads),
    ],
  });
  const yes = (value: boolean) => (value ? "有" : "无");
  sections.push({
    title: "各校工作指标",
    columns: ["学校", "心理信箱", "心理辅导室", "专职心理教师", "本期上报活动"],
    rows: indicators.bySchool.map((school) => [school.label, yes(school.hasMailbox), yes(school.hasRoom), yes(school.hasOwnCounsellor), String(school.activities)]),
  });
  return sections;
}

/** The report's title lines: county header, scope and period, and the confidentiality note. */
export function reportHeading(view: StatisticsView, countyName: string, generatedAt: string): string[] {
  return [
    `${countyName}中小学心理援助服务统计报表`,
    `统计范围：${view.scopeName}　统计期间：${view.period.from} 至 ${view.period.to}　生成时间：${generatedAt}`,
    "说明：仅含汇总数字，不含任何个人信息；小于 5 的数字显示为“<5”。",
  ];
}
