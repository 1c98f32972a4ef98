export { dataScienceCv, rankTestPostingsJsonl, salesCv } from "../rank/rank-test-postings.ts";
export { fetchThroughReplay, type ReplayFetchResult } from "./fetch-through-replay.ts";
export { createTestDatabase } from "./test-database.ts";
export { startTestPostgres, type TestPostgres } from "./test-postgres.ts";
export { type ReceivedMail, startTestSmtpServer, type TestSmtpServer } from "./test-smtp-server.ts";
export { hasText, postingOf, skipReasonOf } from "./transform-results.ts";
