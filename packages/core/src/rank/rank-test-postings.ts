/**
 * A small labelled set for ranking tests: short postings written for the tests, one line of
 * JSON each as `aura import` reads them, across unlike kinds of work.
 */
const postings = [
  {
    title: "Senior Data Scientist",
    company: "Northwind Analytics",
    url: "https://example.org/jobs/data-scientist",
    description:
      "Build machine learning models in Python with pandas, scikit-learn and SQL. Design A/B tests, forecast demand and explain results to product teams. Experience with statistics, regression and experiment design required.",
    location: "Remote",
    remote: "remote",
    salaryMin: 150000,
    salaryMax: 180000,
    currency: "USD",
    postedAt: "2026-11-20",
  },
  {
    title: "Machine Learning Engineer",
    company: "Helio Labs",
    url: "https://example.org/jobs/ml-engineer",
    description:
      "Train and deploy deep learning models with PyTorch and Python; maintain feature pipelines on Spark and Airflow; monitor models in production on AWS.",
    location: "Berlin, Germany",
    remote: "hybrid",
    postedAt: "2026-11-22",
  },
  {
    title: "Account Executive, Mid-Market",
    company: "Brightline CRM",
    url: "https://example.org/jobs/account-executive",
    description:
      "Own the full sales cycle for mid-market accounts: prospecting, discovery calls, demos, negotiation and closing. Manage your pipeline in Salesforce and exceed a quarterly quota. B2B SaaS sales experience required.",
    location: "Austin, TX",
    remote: "onsite",
    salaryMin: 70000,
    salaryMax: 90000,
    currency: "USD",
    postedAt: "2026-11-18",
  },
  {
    title: "Sales Development Representative",
    company: "Quotaly",
    url: "https://example.org/jobs/sdr",
    description:
      "Generate qualified leads through cold calling and outbound email sequences, book meetings for account executives, and keep HubSpot CRM up to date.",
    location: "Remote (US)",
    remote: "remote",
    postedAt: "2026-11-21",
  },
  {
    title: "Registered Nurse, Telehealth",
    company: "CareBridge Health",
    url: "https://example.org/jobs/rn-telehealth",
    description:
      "Provide virtual patient triage and care coordination as a licensed RN. Document visits in Epic EHR, follow HIPAA, and educate patients on chronic care plans.",
    location: "Remote",
    remote: "remote",
    postedAt: "2026-11-19",
  },
  {
    title: "Backend Engineer (Go)",
    company: "Pipewire Systems",
    url: "https://example.org/jobs/backend-go",
    description:
      "Design and build APIs and distributed services in Golang on Kubernetes, with PostgreSQL and Kafka. On-call rotation, code review, CI/CD with GitHub Actions.",
    location: "Remote",
    remote: "remote",
    salaryMin: 140000,
    salaryMax: 170000,
    currency: "USD",
    postedAt: "2026-11-23",
  },
  {
    title: "Frontend Developer, React",
    company: "Pixelhaus",
    url: "https://example.org/jobs/frontend-react",
    description:
      "Build accessible web interfaces in React and TypeScript, with Next.js and Tailwind. Work with designers in Figma and write tests with Playwright.",
    location: "Lisbon, Portugal",
    remote: "hybrid",
    postedAt: "2026-11-10",
  },
  {
    title: "Customer Support Specialist",
    company: "Helpwise",
    url: "https://example.org/jobs/support",
    description:
      "Answer customer tickets by email and chat in Zendesk, troubleshoot account issues, write help-center articles and escalate bugs to engineering.",
    location: "Remote",
    remote: "remote",
    postedAt: "2026-11-20",
  },
  {
    title: "Senior Accountant",
    company: "Ledgerline",
    url: "https://example.org/jobs/accountant",
    description:
      "Prepare month-end close, reconciliations and journal entries under US GAAP; support the annual audit and tax filings; work in NetSuite and Excel.",
    location: "Chicago, IL",
    remote: "onsite",
    postedAt: "2026-11-15",
  },
  {
    title: "Data Analyst",
    company: "Old Town Retail",
    url: "https://example.org/jobs/data-analyst-old",
    description:
      "Write SQL queries and build Tableau dashboards on sales data; analyse trends with Python and present insights to stakeholders.",
    location: "Remote",
    remote: "remote",
    postedAt: "2024-03-01",
  },
];

export const rankTestPostingsJsonl = postings.map((p) => JSON.stringify(p)).join("\n");

export const dataScienceCv = `Maria Lopez — Data Scientist
Five years building machine learning models in Python (pandas, scikit-learn, PyTorch) and SQL.
Designed A/B tests and forecasting models for an e-commerce company; statistics and regression.
Presented experiment results to product teams. MSc in Statistics.`;

export const salesCv = `James Carter — Account Executive
B2B SaaS sales for six years: prospecting, cold calling, demos, negotiation and closing.
Exceeded quota every quarter; managed pipeline in Salesforce and HubSpot.`;
