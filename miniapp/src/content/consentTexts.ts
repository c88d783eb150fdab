/**
 * The words of the first-run steps. Written for a worried 11-year-old as much as for a parent: short
 * sentences, what we do and why, what they can change later. Versions come from the server's config.
 */
export interface ConsentText {
  title: string
  lead: string
  points: ReadonlyArray<{ title: string; text: string }>
}

export const privacyText: ConsentText = {
  title: '先说说我们怎样保护你',
  lead: '心援是县里学校的心理援助平台。在你使用之前，想请你了解我们怎样对待你的信息。',
  points: [
    { title: '我们收集什么', text: '微信给我们的登录编号（只保存加密后的结果，老师看不到）、你选择的身份、年龄段和学校，以及你主动写下或说出的内容。' },
    { title: '用来做什么', text: '只用来让老师和咨询师帮助你、在你有危险时及时联系保护你，以及统计服务情况（统计时不含你的身份）。' },
    { title: '谁能看到', text: '老师只看到一个随机的昵称，看不到你的微信、手机号和真实姓名。正在帮你的老师能看到你们之间的对话；其他工作人员（比如督导老师）每一次查看都会留下记录。' },
    { title: '你可以做什么', text: '你随时可以在“我的”里导出自己的数据，或者注销账号并删除数据。' },
  ],
}

export const sensitiveText: ConsentText = {
  title: '关于敏感信息，需要你单独同意',
  lead: '求助时你可能会说到心情、家庭、身体或者安全方面的事，这些属于敏感个人信息，所以要单独问你。',
  points: [
    { title: '包括哪些', text: '聊天内容、写给学校信箱的信、热线回拨时留下的电话，以及咨询师为帮助你做的记录。' },
    { title: '怎样保护', text: '这些内容都会加密保存。正在帮助你的老师或咨询师能看到；其他工作人员只有在需要时才能查看，并且每一次查看都会留下记录。' },
    { title: '什么时候会告诉别人', text: '只有当你或别人的生命安全有危险时，我们才会联系你的监护人或有关部门，目的是保护你。' },
  ],
}

export const guardianText: ConsentText = {
  title: '请爸爸妈妈或其他监护人看一看',
  lead: '你还未满 14 岁，按照国家保护未成年人的规定，使用在线咨询和写信之前，需要监护人同意。可以发给他们在自己的微信里确认。',
  points: [
    { title: '给监护人的说明', text: '孩子可以通过心援和学校心理老师、县心理援助中心的咨询师交流。内容会加密保存，老师看不到孩子的微信和手机号。' },
    { title: '我们会怎样联系您', text: '只有在孩子可能有安全危险时，老师才会联系监护人。平时的交流内容会为孩子保密。' },
    { title: '您可以随时撤回', text: '您可以和孩子一起在“我的”里导出数据或注销账号。' },
  ],
}

/** Shown on the "我的" page: the short version of the privacy text. */
export const privacySummary: ReadonlyArray<string> = [
  '老师和咨询师只看到你的昵称，看不到你的微信、手机号和姓名。',
  '聊天、信件和电话记录都加密保存；除了正在帮你的老师，别人每次查看都会留下记录。',
  '只有在有生命安全危险时，才会联系你的监护人或有关部门。',
  '你可以随时导出自己的数据，也可以注销账号、删除数据。',
]
