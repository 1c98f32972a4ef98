import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-to-text.ts";
import {
  extractSalaryFromText,
  isPlausibleSalary,
  type ParsedSalary,
  parseAmount,
  parseSalaryText,
} from "./salary-text.ts";
import { type HimalayasJob, type JobicyJob, type MuseJob, recorded } from "./test-samples.ts";

type Expected = Pick<ParsedSalary, "min" | "max" | "currency" | "period">;
const pay = (
  min: number | null,
  max: number | null,
  currency: string | null,
  period: ParsedSalary["period"],
): Expected => ({ min, max, currency, period });

describe("parseAmount", () => {
  it.each([
    ["120000", 120000],
    ["120,000", 120000],
    ["60.000", 60000],
    ["1.234.567", 1234567],
    ["120'000", 120000],
    ["120’000", 120000],
    ["60 000", 60000],
    ["122,600.00", 122600],
    ["1.234,56", 1234.56],
    ["14.50", 14.5],
    ["31,2", 31.2],
    ["8,00,000", 800000],
  ])("%s → %d", (raw, value) => {
    expect(parseAmount(raw)).toBe(value);
  });
});

describe("parseSalaryText", () => {
  it.each([
    ["$120k–150k", pay(120000, 150000, "USD", "year")],
    ["$120,000 - $150,000 per year", pay(120000, 150000, "USD", "year")],
    ["€60.000", pay(60000, 60000, "EUR", "year")],
    ["60.000 € brutto/Jahr", pay(60000, 60000, "EUR", "year")],
    ["45/hour", pay(45, 45, null, "hour")],
    ["$14/hour", pay(14, 14, "USD", "hour")],
    ["£40k", pay(40000, 40000, "GBP", "year")],
    ["USD 100000-120000", pay(100000, 120000, "USD", "year")],
    ["up to $185,500", pay(null, 185500, "USD", "year")],
    ["Salary up to $185,500 + equity", pay(null, 185500, "USD", "year")],
    ["80-100k EUR", pay(80000, 100000, "EUR", "year")],
    ["$50 - $60 an hour", pay(50, 60, "USD", "hour")],
    ["CHF 120'000", pay(120000, 120000, "CHF", "year")],
    ["₹12 LPA", pay(1200000, 1200000, "INR", "year")],
    ["12-15 LPA", pay(1200000, 1500000, null, "year")],
    ["₹ 8,00,000 per annum", pay(800000, 800000, "INR", "year")],
    ["R$ 8.000/mês", pay(8000, 8000, "BRL", "month")],
    ["$5,000/month", pay(5000, 5000, "USD", "month")],
    ["3000 - 4000 € al mes", pay(3000, 4000, "EUR", "month")],
    ["MX$30,000 mensual", pay(30000, 30000, "MXN", "month")],
    ["CA$90,000", pay(90000, 90000, "CAD", "year")],
    ["C$ 95k", pay(95000, 95000, "CAD", "year")],
    ["A$150k", pay(150000, 150000, "AUD", "year")],
    ["AU$ 150,000", pay(150000, 150000, "AUD", "year")],
    ["$40- $60k", pay(40000, 60000, "USD", "year")],
    ["$31,2k- $52k", pay(31200, 52000, "USD", "year")],
    ["$60k-$130k (depending on experience)", pay(60000, 130000, "USD", "year")],
    ["$120 - $170 /hour", pay(120, 170, "USD", "hour")],
    ["$122,600.00 - $204,400.00", pay(122600, 204400, "USD", "year")],
    ["between $50,000 and $70,000", pay(50000, 70000, "USD", "year")],
    ["zwischen 50.000 und 60.000 EUR", pay(50000, 60000, "EUR", "year")],
    ["$100k+", pay(100000, null, "USD", "year")],
    ["from €50k", pay(50000, null, "EUR", "year")],
    ["ab 4.500 € monatlich", pay(4500, null, "EUR", "month")],
    ["Lab stipend $5,000", pay(5000, 5000, "USD", "month")],
    ["45 €/h", pay(45, 45, "EUR", "hour")],
    ["EUR 60.000 - 80.000 p.a.", pay(60000, 80000, "EUR", "year")],
    ["£35,000 pa", pay(35000, 35000, "GBP", "year")],
    ["$1.5k/week", pay(1500, 1500, "USD", "week")],
    ["$400 per day", pay(400, 400, "USD", "day")],
    ["$165,000 to $195,000 CAD per year", pay(165000, 195000, "CAD", "year")],
    ["120 000 $ à 125 000 $ par an", pay(120000, 125000, "USD", "year")],
    ["Hourly rate: $45", pay(45, 45, "USD", "hour")],
    ["Jahresgehalt: 65.000 €", pay(65000, 65000, "EUR", "year")],
    ["PHP 40,000/month to PHP 50,000/month", pay(40000, 50000, "PHP", "month")],
    // No period given: under 300 is hourly, under 20,000 monthly, else yearly.
    ["$45", pay(45, 45, "USD", "hour")],
    ["$5,000", pay(5000, 5000, "USD", "month")],
    ["$20,000", pay(20000, 20000, "USD", "year")],
  ])("%s", (text, expected) => {
    expect(parseSalaryText(text)).toMatchObject(expected);
  });

  it("says whether the period was stated or inferred", () => {
    expect(parseSalaryText("$45")?.periodInferred).toBe(true);
    expect(parseSalaryText("$45/hour")?.periodInferred).toBe(false);
  });

  it("keeps the first amount when a second is not the top of a range", () => {
    expect(parseSalaryText("$120k and $10k bonus")).toMatchObject(
      pay(120000, 120000, "USD", "year"),
    );
  });

  it.each(["$100 million", "$5B", "€2bn revenue", "", "competitive", "DOE", "Negotiable"])(
    "%s is no salary",
    (text) => {
      expect(parseSalaryText(text)).toBeNull();
    },
  );
});

describe("isPlausibleSalary", () => {
  const s = (min: number, period: ParsedSalary["period"], currency = "USD"): ParsedSalary => ({
    min,
    max: min,
    currency,
    period,
    periodInferred: false,
    bareDollar: false,
  });
  it.each([
    [s(120000, "year"), true],
    [s(4000, "year"), false],
    [s(3_000_000, "year"), false],
    [s(25, "hour"), true],
    [s(3, "hour"), false],
    [s(1500, "hour"), false],
    [s(5000, "month"), true],
    [s(8_000_000, "year", "JPY"), true],
    [s(1_200_000, "year", "INR"), true],
  ])("%o → %s", (salary, expected) => {
    expect(isPlausibleSalary(salary)).toBe(expected);
  });
});

describe("extractSalaryFromText", () => {
  it.each([
    [
      "The base salary range for this role is $150,000 - $180,000. We offer equity.",
      pay(150000, 180000, "USD", "year"),
    ],
    ["Compensation: €70k–€85k depending on experience.", pay(70000, 85000, "EUR", "year")],
    ["You will earn $45/hour as a contractor.", pay(45, 45, "USD", "hour")],
    ["Gehalt: 180,00€ pro Woche im Schnitt", pay(180, 180, "EUR", "week")],
    ["Salário: R$ 8.000 por mês, CLT.", pay(8000, 8000, "BRL", "month")],
    ["Salario: 3000 - 4000 € al mes", pay(3000, 4000, "EUR", "month")],
    [
      "We raised $20M in Series A. The salary range is $120,000 to $140,000 per year.",
      pay(120000, 140000, "USD", "year"),
    ],
    [
      "Salary Range: $235,000 to $250,000 + plus equity and benefits.",
      pay(235000, 250000, "USD", "year"),
    ],
    [
      "Pay: $24 an hour. Posted base pay range: $17.97 - $30.81 per hour",
      pay(17.97, 30.81, "USD", "hour"),
    ],
    ["Salary: PHP 40,000/month to PHP 50,000/month", pay(40000, 50000, "PHP", "month")],
    [
      "Base Compensation Range: a minimum of $61,600 to a maximum of $90,000.",
      pay(61600, 90000, "USD", "year"),
    ],
  ])("finds pay in: %s", (text, expected) => {
    expect(extractSalaryFromText(text)).toMatchObject(expected);
  });

  it.each([
    ["funding", "We have raised $100 million from top investors and serve 5,000 customers."],
    ["a valuation", "Backed by a16z at a $5B valuation, we are hiring."],
    ["revenue", "We crossed $50,000,000 in annual revenue last year."],
    ["revenue in thousands", "Our customers processed $800,000 in revenue through us."],
    ["a perk", "Compensation includes a $1,000 learning budget and a $500 home office stipend."],
    ["a referral reward", "Referral pay: we offer a reward of $3,000 for a hire."],
    ["piecework", "The rate of pay is $20 per 100 words, or $0.06 per word."],
    ["no pay word", "Join us at the $3,000 conference in Lisbon."],
    ["no currency", "Salary: 120000 to 150000 depending on experience."],
    ["an implausible amount", "The salary is $2 per hour."],
    ["a payout total", "We have paid out over $700,000 USD to our community of developers."],
  ])("ignores %s", (_name, text) => {
    expect(extractSalaryFromText(text)).toBeNull();
  });

  it("prefers a stated range over a lone amount elsewhere", () => {
    const text =
      "Pay: $24 an hour for trainees.\n\nThe posted base pay range is $30 - $40 per hour depending on location.";
    expect(extractSalaryFromText(text)).toMatchObject(pay(30, 40, "USD", "hour"));
  });

  it("finds Jobicy's $122,600.00 - $204,400.00 in a real description", () => {
    const job = recorded<{ jobs: JobicyJob[] }>("jobicy.json").jobs[0] as JobicyJob;
    expect(extractSalaryFromText(htmlToText(job.jobDescription))).toMatchObject(
      pay(122600, 204400, "USD", "year"),
    );
  });

  it("agrees with Himalayas' own numbers on most postings that state pay in the text", () => {
    const jobs = recorded<{ jobs: HimalayasJob[] }>("himalayas-corpus.json").jobs;
    let compared = 0;
    let agreed = 0;
    for (const job of jobs) {
      if (job.minSalary === null || job.maxSalary === null) continue;
      const found = extractSalaryFromText(htmlToText(job.description));
      if (!found) continue;
      compared++;
      const sameEnd = found.min === job.minSalary || found.max === job.maxSalary;
      if (sameEnd) agreed++;
    }
    expect(compared).toBeGreaterThan(100);
    expect(agreed / compared).toBeGreaterThan(0.85);
  });

  it("finds no pay in descriptions of the recorded Muse jobs that state none", () => {
    const jobs = recorded<{ results: MuseJob[] }>("themuse-page0.json").results;
    for (const job of jobs) {
      const text = htmlToText(job.contents);
      const found = extractSalaryFromText(text);
      if (!/[$€£]|\b(?:USD|EUR|GBP)\b/.test(text)) expect(found).toBeNull();
      if (found) expect(isPlausibleSalary(found)).toBe(true);
    }
  });

  it("finds the pay at the end of a long description full of other amounts", () => {
    const text = "We build great things with $5 tools and 300 engineers. ".repeat(400);
    expect(extractSalaryFromText(`${text} Salary: $100,000 - $120,000 per year.`)).toMatchObject({
      min: 100_000,
      max: 120_000,
      currency: "USD",
      period: "year",
    });
  });
});
