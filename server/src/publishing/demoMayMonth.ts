import { publicationBody, safeMessagingChecks, type AudienceRole, type MaterialAudience, type PublicationKind } from "@xinyuan/shared";
import type { Services } from "../services";
import type { StaffActor } from "../auth/actor";
import type { AuditOrigin } from "../audit/recordAudit";
import { addDays, countyDateOf, countyInstant } from "../countyTime";
import { campaignSaver } from "./campaignSaver";
import { publicationCreator } from "./publicationCreator";
import { publicationSubmitter } from "./publicationSubmitter";
import { publicationReviewer } from "./publicationReviewer";
import { publicationPublisher } from "./publicationPublisher";

export const demoCampaignTitle = "“5·25”心理健康宣传月";

interface DemoItem {
  kind: PublicationKind;
  title: string;
  summary: string;
  bodyHtml: string;
  roles?: AudienceRole[];
  materialFor?: MaterialAudience;
  /** Events: days from today (county), start time, minutes, place, places. */
  event?: { inDays: number; at: string; minutes: number; place: string; capacity: number };
}

const items: DemoItem[] = [
  {
    kind: "notice",
    title: "我县心理健康宣传月活动安排",
    summary: "心理游园会、家长课堂、专家进校园，欢迎同学们和家长参加。",
    bodyHtml:
      "<p>同学们、家长们：</p><p>“5·25”心理健康宣传月期间，县心理健康教育中心和各校一起准备了这些活动：</p>" +
      "<ul><li>各校心理辅导室延长开放，午休和放学后都可以来坐坐；</li><li>周末心理游园会，在游戏里认识自己的情绪；</li>" +
      "<li>家长课堂，聊聊怎样和青春期的孩子好好说话；</li><li>市里的专家到校开放咨询，可在“预约咨询”里预约。</li></ul>" +
      "<p>心里有事，不必一个人扛着。找班主任、心理老师，或者在心援里留言、排队通话，我们都在。</p>",
  },
  {
    kind: "article",
    title: "心情低落的时候，可以这样照顾自己",
    summary: "低落是一种很常见的情绪，它在提醒我们：该停下来照顾自己了。",
    bodyHtml:
      "<p>每个人都会有提不起劲、什么都不想做的日子。这不是你不够坚强，而是身体和心在告诉你：需要休息了。</p>" +
      "<h3>可以试试这些小事</h3><ul><li>按时吃饭，早点睡觉，哪怕只是躺下闭眼休息；</li><li>出门走一走，晒晒太阳，去江边或操场散散步；</li>" +
      "<li>把心里的话写下来，或者讲给一个信任的人听；</li><li>给自己定一个很小的目标，比如今天整理好书桌。</li></ul>" +
      "<p>如果低落持续了两周以上，或者影响到了吃饭、睡觉和上学，请告诉家长、班主任或心理老师，也可以在心援里找老师聊聊。</p>",
  },
  {
    kind: "article",
    title: "考试前睡不着？试试这几个小办法",
    summary: "紧张是身体在帮你做准备，学会和它相处，睡得着，也考得好。",
    bodyHtml:
      "<p>大考前有点紧张很正常，适度的紧张能让我们更专注。睡不着的时候，不妨试试：</p>" +
      "<ol><li><strong>腹式呼吸</strong>：吸气数四下，停一下，再慢慢呼气数六下，重复五到十次；</li>" +
      "<li><strong>睡前放下手机</strong>：提前半小时离开屏幕，听听轻音乐；</li><li><strong>写下担心</strong>：把明天要做的事写在纸上，告诉自己“明天再想”；</li>" +
      "<li><strong>睡不着也没关系</strong>：安静躺着也是休息，不用逼自己马上睡着。</li></ol><p>考试只是检验一段时间的学习，不是对你这个人的评价。</p>",
    roles: ["student"],
  },
  {
    kind: "material",
    title: "心理委员小手册：怎样倾听一位同学",
    summary: "不急着给建议，先听完；发现同学处境危险，要马上告诉老师。",
    bodyHtml:
      "<p>作为心理委员，你不需要解决同学的所有问题，做一个认真的倾听者就很好。</p>" +
      "<ul><li>找一个安静、不被打扰的地方；</li><li>少打断，多点头，用“后来呢？”“你当时什么感受？”让对方说下去；</li>" +
      "<li>不评判、不比较，不说“这有什么大不了的”；</li><li>同学说的话要保密，但如果他可能伤害自己或别人，一定要马上告诉心理老师或班主任，这不是背叛，是保护。</li></ul>",
    materialFor: "peer_supporter",
  },
  {
    kind: "material",
    title: "家长课堂：孩子不愿意说话时，家长可以做的三件事",
    summary: "少问成绩，多问感受；先听完，再说话；照顾好自己的情绪。",
    bodyHtml:
      "<p>孩子进入青春期，话变少、关上房门，很多家长会着急。可以先从这三件事做起：</p>" +
      "<ol><li>每天留一点不谈学习的时间，一起吃饭、散步，聊聊他感兴趣的事；</li><li>孩子开口时，先听完，不急着讲道理，可以说“听起来你挺难受的”；</li>" +
      "<li>家长也要照顾好自己的情绪，着急的时候先深呼吸，等平静了再谈。</li></ol><p>如果发现孩子长时间情绪低落、不愿上学或睡眠明显变化，可以预约学校心理老师或县心理中心的专家。</p>",
    materialFor: "parent",
    roles: ["parent"],
  },
  {
    kind: "event",
    title: "“阳光心灵”心理游园会",
    summary: "情绪卡片、心理沙盘、解压涂鸦，和同学一起在游戏里认识自己。",
    bodyHtml: "<p>由县心理健康教育中心老师和各校心理委员一起带领，设情绪识别、团体沙盘、解压涂鸦等 8 个摊位。全县中小学生均可报名，请穿运动鞋。</p>",
    roles: ["student"],
    event: { inDays: 6, at: "09:30", minutes: 150, place: "渠县中学体育馆", capacity: 200 },
  },
  {
    kind: "event",
    title: "家长课堂：陪孩子走过考试季",
    summary: "县心理中心专家和家长面对面，聊聊考试前后家长能做什么。",
    bodyHtml: "<p>主讲：达州市心理卫生中心 周敏 医生。时长约 90 分钟，现场留半小时答疑。名额有限，请提前报名。</p>",
    roles: ["parent"],
    event: { inDays: 9, at: "19:00", minutes: 90, place: "县心理健康教育中心报告厅", capacity: 80 },
  },
];

/**
 * DEMO: the May Mental Health Month (宣传月) with a notice, articles, materials and two events open for
 * sign-up, written by the demo editor and reviewed and published by the demo reviewer through the
 * publishing commands (versions, audit and the readers' cache all as in real use). The real month is
 * May; the demo dates it around the day the demo starts (from three days ago, four weeks long), so
 * whoever tries the demo in any month sees the home as it looks during the campaign.
 */
export async function seedDemoMayMonth(props: { services: Services; editor: StaffActor; reviewer: StaffActor; origin: (actor: StaffActor) => AuditOrigin }): Promise<void> {
  const { services, editor, reviewer, origin } = props;
  const today = countyDateOf(services.clock.now());
  const campaign = await campaignSaver({
    services,
    actor: editor,
    body: { title: demoCampaignTitle, theme: "我爱我 · 悦纳自我，温暖同行", startsAt: countyInstant(addDays(today, -3)).toISOString(), endsAt: countyInstant(addDays(today, 25)).toISOString(), takeoverHome: true },
    origin: origin(editor),
  });
  for (const item of items) {
    const event = item.event && eventOf(item.event, today, services.clock.now());
    const body = publicationBody.parse({
      kind: item.kind,
      title: item.title,
      summary: item.summary,
      bodyHtml: item.bodyHtml,
      materialFor: item.materialFor,
      audience: { roles: item.roles ?? [] },
      campaignId: campaign.id,
      event,
    });
    const draft = await publicationCreator({ services, actor: editor, body, origin: origin(editor) });
    const submitted = await publicationSubmitter({ services, actor: editor, id: draft.id, origin: origin(editor) });
    const checklist = submitted.sensitive ? Object.fromEntries(safeMessagingChecks.map((check) => [check, true])) : {};
    await publicationReviewer({ services, actor: reviewer, id: draft.id, decision: "approve", comment: "", checklist, origin: origin(reviewer) });
    await publicationPublisher({ services, actor: reviewer, id: draft.id, origin: origin(reviewer) });
  }
}

function eventOf(event: NonNullable<DemoItem["event"]>, today: string, now: Date) {
  const startsAt = countyInstant(addDays(today, event.inDays), event.at);
  return {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + event.minutes * 60_000).toISOString(),
    place: event.place,
    capacity: event.capacity,
    signupOpensAt: new Date(now.getTime() - 86_400_000).toISOString(),
    signupClosesAt: countyInstant(addDays(today, event.inDays - 1), "20:00").toISOString(),
  };
}
