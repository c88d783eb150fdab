import type { SchoolStage } from "@xinyuan/shared";

/**
 * DEMO DATA: an illustrative directory for 渠县 used by `npm start` and the tests. School names here are
 * data, not code; a real deployment loads its own directory through the admin.
 */
export const demoAreas: Array<{ name: string; centreSchool: string; schools: Array<{ name: string; stage: SchoolStage; hasFullTimeCounsellor: boolean }> }> = [
  {
    name: "城区片区",
    centreSchool: "渠县中学",
    schools: [
      { name: "渠县中学", stage: "senior", hasFullTimeCounsellor: true },
      { name: "渠县第二中学", stage: "senior", hasFullTimeCounsellor: true },
      { name: "渠县渠江镇第一小学", stage: "primary", hasFullTimeCounsellor: false },
      { name: "渠县渠江镇第二小学", stage: "primary", hasFullTimeCounsellor: false },
    ],
  },
  {
    name: "渠北片区",
    centreSchool: "渠县三汇中学",
    schools: [
      { name: "渠县三汇中学", stage: "senior", hasFullTimeCounsellor: true },
      { name: "渠县三汇镇小学", stage: "primary", hasFullTimeCounsellor: false },
      { name: "渠县土溪镇初级中学", stage: "junior", hasFullTimeCounsellor: false },
    ],
  },
  {
    name: "渠南片区",
    centreSchool: "渠县涌兴中学",
    schools: [
      { name: "渠县涌兴中学", stage: "twelve_year", hasFullTimeCounsellor: true },
      { name: "渠县有庆镇小学", stage: "primary", hasFullTimeCounsellor: false },
      { name: "渠县职业中专学校", stage: "vocational", hasFullTimeCounsellor: true },
    ],
  },
];
