import type { ExpertBody, RoomBody } from "@xinyuan/shared";
import type { Services } from "../services";
import type { AuditOrigin } from "../audit/recordAudit";
import { expertSaver, roomSaver } from "./appointmentSetup";

const weekdays = (days: number[], start: string, end: string) => days.map((weekday) => ({ weekday, start, end }));

/**
 * DEMO: two schools' counselling rooms and three contracted experts, set up through 预约设置's own
 * commands (audited, slots generated for the next 14 days). Two experts are free (government-purchased
 * service); the family sessions are paid, so a parent can try WeChat Pay in the mini-program.
 */
export async function seedDemoAppointments(props: {
  services: Services;
  schoolIds: Map<string, string>;
  staffIds: Map<string, string>;
  origin: AuditOrigin;
}): Promise<void> {
  const { services, schoolIds, staffIds, origin } = props;
  const staffOf = (username: string) => (staffIds.has(username) ? [staffIds.get(username)!] : []);
  const rooms: RoomBody[] = [
    {
      schoolId: schoolIds.get("渠县中学")!,
      name: "心理辅导室（知心屋）",
      location: "行政楼一楼 102 室",
      weeklyHours: [...weekdays([1, 2, 3, 4, 5], "12:30", "13:30"), ...weekdays([2, 4], "16:40", "18:20")],
      slotMinutes: 50,
      staffIds: staffOf("counsellor"),
      active: true,
    },
    {
      schoolId: schoolIds.get("渠县三汇中学")!,
      name: "心灵驿站",
      location: "综合楼三楼东侧",
      weeklyHours: weekdays([1, 3, 5], "15:00", "17:30"),
      slotMinutes: 50,
      staffIds: staffOf("area"),
      active: true,
    },
  ];
  const experts: ExpertBody[] = [
    {
      name: "周敏",
      title: "副主任医师 · 国家二级心理咨询师",
      profile: "达州市心理卫生中心儿童青少年门诊医生，从事青少年心理工作十五年。每周到渠县为中小学生提供免费咨询（政府购买服务）。",
      qualifications: ["精神科执业医师", "国家二级心理咨询师"],
      fields: ["情绪低落", "焦虑紧张", "睡眠问题"],
      mode: "both",
      priceFen: 0,
      staffId: staffIds.get("expert") ?? null,
      weeklyHours: [...weekdays([2, 4], "14:30", "17:30"), ...weekdays([6], "09:00", "11:30")],
      slotMinutes: 50,
      active: true,
    },
    {
      name: "蒋文涛",
      title: "中学高级教师 · 心理健康教育专职教师",
      profile: "县心理健康教育中心兼职专家，长期在城区中学带心理课，擅长考试焦虑和同学关系的辅导。",
      qualifications: ["四川省中小学心理健康教育骨干教师"],
      fields: ["学业压力", "考试焦虑", "同伴关系"],
      mode: "place",
      priceFen: 0,
      staffId: staffIds.get("expert") ?? null,
      weeklyHours: weekdays([3], "15:00", "17:30"),
      slotMinutes: 50,
      active: true,
    },
    {
      name: "何静",
      title: "家庭教育指导师 · 国家二级心理咨询师",
      profile: "达州本地机构签约咨询师，面向家长和家庭，陪家长一起想办法，和正在长大的孩子好好说话。",
      qualifications: ["国家二级心理咨询师", "家庭教育指导师"],
      fields: ["亲子沟通", "家庭教育", "青春期"],
      mode: "online",
      priceFen: 12_000,
      staffId: staffIds.get("expert") ?? null,
      weeklyHours: [...weekdays([5], "19:00", "21:00"), ...weekdays([7], "14:00", "17:00")],
      slotMinutes: 50,
      active: true,
    },
  ];
  for (const input of rooms) await roomSaver({ services, roomId: null, input, origin });
  for (const input of experts) await expertSaver({ services, expertId: null, input, origin });
}
