/** National lines always offered when the county line is closed, full, or the wait is long. */
export const fallbackHelplines = [
  { number: "12356", name: "全国心理援助热线", note: "24 小时，心里难受时可以打" },
  { number: "12355", name: "青少年服务台", note: "青少年心理与权益服务" },
  { number: "12320", name: "公共卫生服务热线", note: "卫生健康咨询" },
] as const;

export const emergencyLines = [
  { number: "110", name: "报警电话", note: "有危险时，马上拨打" },
  { number: "120", name: "急救电话", note: "受伤或身体紧急情况" },
] as const;
