import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { recordedDir } from "../replay-server.ts";
import { parsePostingPage } from "./parse-posting-page.ts";

interface MuseJob {
  name: string;
  contents: string;
  publication_date: string;
  locations: { name: string }[];
  refs: { landing_page: string };
  company: { name: string };
}
interface HimalayasJob {
  title: string;
  companyName: string;
  description: string;
  minSalary: number | null;
  maxSalary: number | null;
  currency: string | null;
  pubDate: number;
  guid: string;
  locationRestrictions: string[];
}

const muse = (
  JSON.parse(readFileSync(`${recordedDir}themuse-page0.json`, "utf8")) as { results: MuseJob[] }
).results;
const glossGenius = muse.find((j) => j.company.name === "GlossGenius") as MuseJob;
const himalayas = (
  JSON.parse(readFileSync(`${recordedDir}himalayas-corpus.json`, "utf8")) as {
    jobs: HimalayasJob[];
  }
).jobs;
const nurse = himalayas.find((j) => j.minSalary !== null) as HimalayasJob;

/** A careers page as sites serve them: chrome around the posting, JSON-LD in the head. */
function page(jsonLd: unknown, body = "<main><h1>Role</h1><p>Text</p></main>", head = "") {
  const script =
    jsonLd === undefined
      ? ""
      : `<script type="application/ld+json">${typeof jsonLd === "string" ? jsonLd : JSON.stringify(jsonLd)}</script>`;
  return `<!doctype html><html><head><title>Careers</title>${head}${script}
<script>window.dataLayer = [];</script><style>body{color:red}</style></head>
<body><header><nav><a href="/">Home</a><a href="/jobs">Jobs</a></nav></header>${body}
<footer>© 2026 Example Inc. Privacy</footer></body></html>`;
}

describe("parsePostingPage with JSON-LD", () => {
  const url = glossGenius.refs.landing_page;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: glossGenius.name,
    description: glossGenius.contents,
    datePosted: glossGenius.publication_date,
    hiringOrganization: {
      "@type": "Organization",
      name: glossGenius.company.name,
      sameAs: "https://glossgenius.com",
    },
    jobLocation: [
      {
        "@type": "Place",
        address: {
          "@type": "PostalAddress",
          addressLocality: "New York",
          addressRegion: "NY",
          addressCountry: { "@type": "Country", name: "US" },
        },
      },
    ],
    jobLocationType: "TELECOMMUTE",
    employmentType: ["FULL_TIME"],
    baseSalary: {
      "@type": "MonetaryAmount",
      currency: "USD",
      value: {
        "@type": "QuantitativeValue",
        minValue: 210000,
        maxValue: "250,000",
        unitText: "YEAR",
      },
    },
    identifier: { "@type": "PropertyValue", name: "GlossGenius", value: "gg-123" },
  };

  it("reads a real posting's JobPosting", () => {
    const posting = parsePostingPage(page(jsonLd), url);
    expect(posting).toEqual({
      externalId: url,
      url,
      title: "Staff Software Engineer, Backend",
      company: "GlossGenius",
      description: glossGenius.contents,
      location: "New York, NY, US",
      remote: "remote",
      country: "US",
      postedAt: "2026-07-20T18:44:45Z",
      employmentType: "Full-time",
      salaryMin: 210000,
      salaryMax: 250000,
      currency: "USD",
      salaryPeriod: "year",
    });
  });

  it("finds the JobPosting in an @graph, in an array, or among other scripts", () => {
    const graph = { "@context": "https://schema.org", "@graph": [{ "@type": "WebPage" }, jsonLd] };
    expect(parsePostingPage(page(graph), url)?.title).toBe(glossGenius.name);
    const array = [{ "@type": "BreadcrumbList" }, { ...jsonLd, "@type": ["JobPosting"] }];
    expect(parsePostingPage(page(array), url)?.company).toBe("GlossGenius");
    const two = page({ "@type": "Organization", name: "Other" }).replace(
      "</head>",
      `<script type="application/ld+json">${JSON.stringify(jsonLd)}</script></head>`,
    );
    expect(parsePostingPage(two, url)?.title).toBe(glossGenius.name);
  });

  it("repairs raw line breaks and trailing commas in the JSON", () => {
    const broken = `{"@type": "JobPosting", "title": "Data Engineer", "description": "<p>Line one
line two</p>", "hiringOrganization": {"name": "Acme",},}`;
    expect(parsePostingPage(page(broken), "https://acme.com/jobs/9")).toMatchObject({
      title: "Data Engineer",
      company: "Acme",
      description: "<p>Line one line two</p>",
    });
  });

  it("reads a single salary value, an hourly unit and applicant countries", () => {
    const posting = parsePostingPage(
      page({
        "@type": "JobPosting",
        title: nurse.title,
        description: nurse.description,
        datePosted: new Date(nurse.pubDate * 1000).toISOString(),
        hiringOrganization: nurse.companyName,
        jobLocationType: "TELECOMMUTE",
        applicantLocationRequirements: nurse.locationRestrictions.map((name) => ({
          "@type": "Country",
          name,
        })),
        employmentType: "PART_TIME",
        baseSalary: {
          "@type": "MonetaryAmount",
          currency: nurse.currency,
          value: {
            "@type": "QuantitativeValue",
            minValue: nurse.minSalary,
            maxValue: nurse.maxSalary,
            unitText: "HOUR",
          },
        },
      }),
      nurse.guid,
    );
    expect(posting).toMatchObject({
      title: "Utilization Management Nurse Consultant (UM) - Work at home in CST Zone",
      company: "Lifelancer",
      location: "United States",
      remote: "remote",
      employmentType: "Part-time",
      salaryMin: 26.01,
      salaryMax: 56.14,
      currency: "USD",
      salaryPeriod: "hour",
    });
    const single = parsePostingPage(
      page({
        "@type": "JobPosting",
        title: "Cook",
        hiringOrganization: { name: "Diner" },
        baseSalary: { currency: "EUR", value: { value: 18, unitText: "HOUR" } },
      }),
      "https://diner.example/jobs/cook",
    );
    expect(single).toMatchObject({
      salaryMin: 18,
      salaryMax: 18,
      currency: "EUR",
      salaryPeriod: "hour",
    });
  });

  it("falls back on the page for fields the JobPosting lacks", () => {
    const posting = parsePostingPage(
      page(
        { "@type": "JobPosting", title: "Welder", jobLocation: { address: "Austin, TX" } },
        "<main><h1>Welder</h1><p>Weld things.</p></main>",
        '<meta property="og:site_name" content="Lone Star Fab">',
      ),
      "https://lonestarfab.com/careers/welder",
    );
    expect(posting).toMatchObject({
      title: "Welder",
      company: "Lone Star Fab",
      location: "Austin, TX",
      description: "Welder\n\nWeld things.",
    });
  });
});

describe("parsePostingPage without JSON-LD", () => {
  it("takes the Open Graph title without the site's name, the site name and the main text", () => {
    const html = page(
      undefined,
      `<div class="banner">Join our talent community</div>
       <main><h1>Senior Product Designer</h1>
       <p>We are looking for a <b>designer</b> to own our app.</p>
       <ul><li>5+ years of product design</li><li>Figma</li></ul>
       <form><button>Apply</button></form></main>`,
      `<meta property="og:title" content="Senior Product Designer | Initech Careers">
       <meta property="og:site_name" content="Initech">`,
    );
    expect(parsePostingPage(html, "https://careers.initech.com/jobs/42")).toEqual({
      externalId: "https://careers.initech.com/jobs/42",
      url: "https://careers.initech.com/jobs/42",
      title: "Senior Product Designer",
      company: "Initech",
      description:
        "Senior Product Designer\n\nWe are looking for a designer to own our app.\n\n5+ years of product design\n\nFigma",
      location: null,
    });
  });

  it("reads 'Company hiring Role in Place' titles", () => {
    const html = page(
      undefined,
      "<h1>x</h1>",
      '<meta property="og:title" content="Globex hiring Backend Engineer in Berlin, Germany | LinkedIn">',
    );
    expect(parsePostingPage(html, "https://www.linkedin.com/jobs/view/123")).toMatchObject({
      title: "Backend Engineer",
      company: "Globex",
      location: "Berlin, Germany",
    });
  });

  it("takes the <h1>, else the <title>, and names the company by the host", () => {
    const h1 =
      "<html><head><title>Jobs</title></head><body><h1> Line Cook </h1><p>Nights.</p></body></html>";
    expect(parsePostingPage(h1, "https://jobs.bistro-verde.com/line-cook")).toMatchObject({
      title: "Line Cook",
      company: "Bistro Verde",
      description: "Line Cook\n\nNights.",
    });
    const title =
      "<html><head><title>QA Analyst - Hooli</title></head><body><p>Test.</p></body></html>";
    expect(parsePostingPage(title, "https://hooli.xyz/qa")).toMatchObject({
      title: "QA Analyst",
      company: "Hooli",
    });
  });

  it("names the company from an applicant-tracking URL", () => {
    const html = "<html><body><h1>Account Executive</h1></body></html>";
    expect(parsePostingPage(html, "https://jobs.lever.co/palantir/abc")?.company).toBe("Palantir");
    expect(parsePostingPage(html, "https://acme-labs.recruitee.com/o/ae")?.company).toBe(
      "Acme Labs",
    );
  });

  it("returns null for pages with no usable title", () => {
    expect(parsePostingPage("", "https://acme.com/x")).toBeNull();
    expect(
      parsePostingPage("<html><body><p>Hello</p></body></html>", "https://acme.com/x"),
    ).toBeNull();
    const wall =
      "<html><head><title>Sign In | LinkedIn</title></head><body><form></form></body></html>";
    expect(parsePostingPage(wall, "https://www.linkedin.com/jobs/view/1")).toBeNull();
    const check = "<html><head><title>Just a moment...</title></head><body></body></html>";
    expect(parsePostingPage(check, "https://www.indeed.com/viewjob?jk=1")).toBeNull();
  });
});
