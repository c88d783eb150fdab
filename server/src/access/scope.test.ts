import type { StaffScope } from "@xinyuan/shared";
import { scopeCovers, scopeWithin } from "./scope";

const county: StaffScope = { level: "county", areaId: null, schoolId: null };
const areaA: StaffScope = { level: "area", areaId: "A", schoolId: null };
const schoolA1: StaffScope = { level: "school", areaId: "A", schoolId: "A1" };
const schoolB1: StaffScope = { level: "school", areaId: "B", schoolId: "B1" };

describe("policies.scope", () => {
  it("lets county cover everything, an area its own schools, a school only itself", () => {
    expect(scopeCovers(county, { areaId: "B", schoolId: "B1" })).toBe(true);
    expect(scopeCovers(areaA, { areaId: "A", schoolId: "A1" })).toBe(true);
    expect(scopeCovers(areaA, { areaId: "A", schoolId: null })).toBe(true);
    expect(scopeCovers(areaA, { areaId: "B", schoolId: "B1" })).toBe(false);
    expect(scopeCovers(areaA, { areaId: null, schoolId: null })).toBe(false);
    expect(scopeCovers(schoolA1, { areaId: "A", schoolId: "A1" })).toBe(true);
    expect(scopeCovers(schoolA1, { areaId: "A", schoolId: null })).toBe(false);
  });

  it("covers nothing when a scope is missing its id", () => {
    expect(scopeCovers({ level: "area", areaId: null, schoolId: null }, { areaId: null, schoolId: null })).toBe(false);
    expect(scopeCovers({ level: "school", areaId: "A", schoolId: null }, { areaId: "A", schoolId: null })).toBe(false);
  });

  it("never lets a narrower scope grant a wider one", () => {
    expect(scopeWithin(county, county)).toBe(true);
    expect(scopeWithin(areaA, county)).toBe(true);
    expect(scopeWithin(county, areaA)).toBe(false);
    expect(scopeWithin(areaA, areaA)).toBe(true);
    expect(scopeWithin(schoolA1, areaA)).toBe(true);
    expect(scopeWithin(schoolB1, areaA)).toBe(false);
    expect(scopeWithin(areaA, schoolA1)).toBe(false);
    expect(scopeWithin(schoolA1, schoolA1)).toBe(true);
  });
});
