import { describe, expect, it } from "vitest";
import type { SourcePosting } from "../../sources/types.ts";
import { buildSalary, NO_SALARY } from "./salary.ts";
import { type HimalayasJob, type JobicyJob, type RemotiveJob, recorded } from "./test-samples.ts";

const base: SourcePosting = {
  externalId: "1",
  url: "https://example.com/jobs/1",
  title: "Engineer",
  company: "Acme",
};
const posting = (fields: Partial<SourcePosting>): SourcePosting => ({ ...base, ...fields });

describe("buildSalary from the board's numbers", () => {
  it("uses numbers, currency and period, with yearly figures", () => {
    expect(
      buildSalary(
        posting({ salaryMin: 75000, salaryMax: 130000, currency: "usd", salaryPeriod: "annual" }),
      ),
    ).toEqual({
      min: 75000,
      max: 130000,
      currency: "USD",
      period: "year",
      minAnnual: 75000,
      maxAnnual: 130000,
    });
  });

  it.each([
    ["hourly", 25, 52000],
    ["per-day-wage", 400, 104000],
    ["weekly", 2000, 104000],
    ["monthly", 5000, 60000],
  ])("annualizes a %s amount", (period, amount, yearly) => {
    const salary = buildSalary(
      posting({ salaryMin: amount, salaryMax: amount, salaryPeriod: period }),
    );
    expect(salary.minAnnual).toBe(yearly);
    expect(salary.maxAnnual).toBe(yearly);
  });

  it("keeps only the end that is given", () => {
    expect(buildSalary(posting({ salaryMax: 90000, salaryPeriod: "year" }))).toMatchObject({
      min: null,
      max: 90000,
      maxAnnual: 90000,
      minAnnual: null,
    });
  });

  it("swaps a reversed range", () => {
    expect(buildSalary(posting({ salaryMin: 150000, salaryMax: 100000 }))).toMatchObject({
      min: 100000,
      max: 150000,
    });
  });

  it.each([
    ["zero", 0],
    ["negative", -5],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
  ])("drops a %s amount", (_name, bad) => {
    expect(
      buildSalary(posting({ salaryMin: bad, salaryMax: 80000, salaryPeriod: "year" })),
    ).toMatchObject({
      min: null,
      max: 80000,
    });
  });

  it("drops a yearly amount under 1,000 as implausible", () => {
    expect(buildSalary(posting({ salaryMin: 120, salaryMax: 150, salaryPeriod: "year" }))).toEqual(
      NO_SALARY,
    );
  });

  it("infers a missing period from the amount", () => {
    expect(buildSalary(posting({ salaryMin: 30, salaryMax: 40 })).period).toBe("hour");
    expect(buildSalary(posting({ salaryMin: 4000, salaryMax: 5000 })).period).toBe("month");
    expect(buildSalary(posting({ salaryMin: 60000, salaryMax: 80000 })).period).toBe("year");
  });

  it("takes a missing period and currency from the salary text", () => {
    expect(
      buildSalary(
        posting({ salaryMin: 3000, salaryMax: 4000, salaryText: "3000 - 4000 € per week" }),
      ),
    ).toMatchObject({ currency: "EUR", period: "week", minAnnual: 156000 });
  });

  it("prefers numbers over text and description", () => {
    const salary = buildSalary(
      posting({
        salaryMin: 100000,
        salaryMax: 120000,
        currency: "USD",
        salaryText: "$1-2",
        description: "<p>Salary: $50,000 - $60,000 per year</p>",
      }),
    );
    expect(salary.min).toBe(100000);
  });
});

describe("buildSalary from text", () => {
  it("parses the salary text when there are no numbers", () => {
    expect(buildSalary(posting({ salaryText: "$120k–150k" }))).toEqual({
      min: 120000,
      max: 150000,
      currency: "USD",
      period: "year",
      minAnnual: 120000,
      maxAnnual: 150000,
    });
  });

  it("uses the board's currency and period where the text has none", () => {
    expect(
      buildSalary(posting({ salaryText: "45", currency: "EUR", salaryPeriod: "daily" })),
    ).toMatchObject({
      min: 45,
      currency: "EUR",
      period: "day",
      minAnnual: 11700,
    });
  });

  it("reads a bare $ as the local dollar of the job's country", () => {
    expect(
      buildSalary(posting({ salaryText: "$90,000 - $110,000" }), { country: "CA" }).currency,
    ).toBe("CAD");
    expect(
      buildSalary(posting({ salaryText: "$90,000 - $110,000" }), { country: "US" }).currency,
    ).toBe("USD");
    expect(buildSalary(posting({ salaryText: "US$90,000" }), { country: "CA" }).currency).toBe(
      "USD",
    );
  });

  it("falls back to the description", () => {
    const salary = buildSalary(
      posting({
        description: "<p>About us.</p><p>The salary range is €60.000 - €75.000 per year.</p>",
      }),
    );
    expect(salary).toMatchObject({ min: 60000, max: 75000, currency: "EUR", period: "year" });
  });

  it("uses the clean description text when given, without reading the HTML", () => {
    const salary = buildSalary(posting({ description: "<p>nothing</p>" }), {
      descriptionText: "Compensation: $80 - $100 per hour",
    });
    expect(salary).toMatchObject({ min: 80, max: 100, period: "hour", minAnnual: 166400 });
  });

  it("is empty when nothing names pay", () => {
    expect(
      buildSalary(posting({ description: "We raised $10M.", salaryText: "Competitive" })),
    ).toEqual(NO_SALARY);
  });
});

describe("buildSalary on recorded postings", () => {
  it("reads every Remotive salary string that has an amount", () => {
    const jobs = recorded<{ jobs: RemotiveJob[] }>("remotive.json").jobs;
    const expected: Record<string, [number, number, string]> = {
      "$14/hour": [14, 14, "hour"],
      "$40- $60k": [40000, 60000, "year"],
      "$120 - $170 /hour": [120, 170, "hour"],
      "$31,2k- $52k": [31200, 52000, "year"],
      "$60k-$130k (depending on experience)": [60000, 130000, "year"],
      "$50-$75 /hour": [50, 75, "hour"],
      "$20k -$35k": [20000, 35000, "year"],
    };
    for (const job of jobs) {
      const salary = buildSalary(posting({ salaryText: job.salary }));
      const want = expected[job.salary];
      if (want) expect([salary.min, salary.max, salary.period]).toEqual(want);
      if (job.salary.trim() !== "") expect(salary.currency).toBe("USD");
    }
  });

  it("keeps Himalayas' and Jobicy's structured pay as given", () => {
    const himalayas = recorded<{ jobs: HimalayasJob[] }>("himalayas-corpus.json").jobs;
    for (const job of himalayas
      .filter((j) => j.minSalary !== null && j.maxSalary !== null)
      .slice(0, 50)) {
      const salary = buildSalary(
        posting({
          salaryMin: job.minSalary,
          salaryMax: job.maxSalary,
          currency: job.currency,
          salaryPeriod: job.salaryPeriod,
        }),
      );
      expect(salary.min).toBe(job.minSalary);
      expect(salary.max).toBe(job.maxSalary);
      expect(salary.period).toBe(
        { annual: "year", hourly: "hour", monthly: "month" }[job.salaryPeriod],
      );
    }
    const jobicy = recorded<{ jobs: JobicyJob[] }>("jobicy.json").jobs[0] as JobicyJob;
    expect(
      buildSalary(
        posting({
          salaryMin: jobicy.salaryMin,
          salaryMax: jobicy.salaryMax,
          currency: jobicy.salaryCurrency,
          salaryPeriod: jobicy.salaryPeriod,
        }),
      ),
    ).toMatchObject({ min: 122600, max: 204400, currency: "USD", period: "year" });
  });

  it("finds Jobicy's pay in its description when the numbers are missing", () => {
    const job = recorded<{ jobs: JobicyJob[] }>("jobicy.json").jobs[0] as JobicyJob;
    expect(buildSalary(posting({ description: job.jobDescription }))).toMatchObject({
      min: 122600,
      max: 204400,
      currency: "USD",
      period: "year",
    });
  });
});
