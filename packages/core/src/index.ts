// The public surface of @aura/core: the doors (CLI, API, web) import from here only.

// The contract: every shape the doors take or show, in zod (types are inferred from them).
export {
  type ApiToken,
  apiTokenInputSchema,
  apiTokenSchema,
  signInSchema,
  signUpSchema,
  type UserView,
  userViewSchema,
} from "./accounts/account-schema.ts";
export { isAdmin, isAdminUser } from "./accounts/admins.ts";
export { createApiToken, deleteApiToken, userOfApiToken } from "./accounts/api-tokens.ts";
export { applicationSchema } from "./apply/application-schema.ts";
export {
  type Application,
  type ApplicationUpdate,
  applicationUpdateSchema,
  declineApplications,
  deleteApplication,
  type Generation,
  generateApplications,
  generateInputSchema,
  getApplication,
  listApplications,
  updateApplication,
} from "./apply/applications.ts";
export {
  DOCUMENT_FORMATS,
  DOCUMENT_KINDS,
  type DocumentFormat,
  type DocumentKind,
  type RenderedDocument,
  renderApplicationDocument,
} from "./apply/documents.ts";
export { type DocumentFlag, type GeneratedDocuments, generateDocuments } from "./apply/generate.ts";
export { PAGE_SIZES, type PageSize, type PdfTemplate, TEMPLATES } from "./apply/render-document.ts";
export { batchSchema } from "./batch/batch-schema.ts";
export {
  type Batch,
  type BatchJob,
  currentBatch,
  getBatch,
  listBatches,
  lockBatch,
  openBatch,
} from "./batch/batches.ts";
export {
  deleteRating,
  listRatings,
  type Rating,
  rateJob,
  ratingInputSchema,
  ratingSchema,
} from "./batch/ratings.ts";
export {
  type AuraConfig,
  type AuraEnv,
  configSchema,
  describeZodError,
  loadConfig,
} from "./config/config.ts";
export {
  type Database,
  type DatabaseHandle,
  type DatabaseTarget,
  migrateDatabase,
  openDatabase,
} from "./db/client.ts";
export * as schema from "./db/schema.ts";
export { countUnembeddedJobs, embeddingProgress, embedJobs } from "./embed/embed-jobs.ts";
export type { Embedder } from "./embed/embedder.ts";
export { type ClosableEmbedder, openEmbedder } from "./embed/open-embedder.ts";
export { openVectorSearch, type VectorSearch } from "./embed/vector-search.ts";
export { AppError, type AppErrorCode, errorMessage } from "./errors.ts";
export type { NormalizedPosting } from "./jobs/job.ts";
export { jobViewSchema } from "./jobs/job-schema.ts";
export { type JobView, toJobView } from "./jobs/job-view.ts";
export { normalizePosting } from "./jobs/normalize/normalize-posting.ts";
export { getJob, getJobs, listJobs, type StoredJob } from "./jobs/store/list-jobs.ts";
export { latestModel, type StoredModel } from "./learn/model-store.ts";
export { POLICY_NAMES, type PolicyName } from "./learn/policy.ts";
export { STAGE_REWARD, STAR_REWARD } from "./learn/reward.ts";
export {
  type CycleFigures,
  type PolicyFigures,
  SIMULATED_POLICIES,
  type SimulatedPolicy,
  type SimulationResult,
} from "./learn/simulate.ts";
export { simulate } from "./learn/simulated-users.ts";
export { type TrainedModelSummary, trainUsers, type UserTraining } from "./learn/train.ts";
export { createLogger, type Logger, type LoggerOptions, silentLogger } from "./log/logger.ts";
export {
  type AdminOverview,
  type AdminUserRow,
  adminOverview,
  type PipelineRun,
  type SourceHealth,
} from "./metrics/admin-metrics.ts";
export { adminOverviewSchema } from "./metrics/admin-overview-schema.ts";
export { userMetricsSchema } from "./metrics/metrics-schema.ts";
export {
  type ApplicationFunnel,
  allUserMetrics,
  type BatchMetrics,
  type UserMetrics,
  userMetrics,
  type WeekMetrics,
  writeMetricsFile,
} from "./metrics/user-metrics.ts";
export {
  type AccountLinkInput,
  type AccountMailRequest,
  accountMailRequestSchema,
  passwordResetMessage,
  passwordResetSchema,
  signInLinkMessage,
  signInLinkSchema,
} from "./notify/account-mail.ts";
export {
  type BatchReadyInput,
  batchReadyMessage,
  type MailContent,
} from "./notify/batch-ready-message.ts";
export { MAIL_LANGUAGES, type MailLanguage, mailLanguage } from "./notify/mail-frame.ts";
export {
  createMailer,
  type Mailer,
  type MailMessage,
  mailerFromConfig,
  mailNotConfigured,
  requireMailer,
} from "./notify/mailer.ts";
export {
  getNotificationSettings,
  type NotificationSettings,
  notificationSettingsInputSchema,
  notificationSettingsSchema,
  saveNotificationSettings,
  unsubscribe,
} from "./notify/notification-settings.ts";
export {
  type NotificationSettingsView,
  notificationSettingsView,
  notificationSettingsViewSchema,
} from "./notify/notification-view.ts";
export {
  type SendTestWebhookOptions,
  sendTestWebhook,
  type WebhookTestResult,
  webhookTestResultSchema,
} from "./notify/test-webhook.ts";
export {
  signUnsubscribeToken,
  UNSUBSCRIBE_CHANNELS,
  type UnsubscribeChannel,
  type UnsubscribeClaim,
  verifyUnsubscribeToken,
} from "./notify/unsubscribe-token.ts";
export {
  batchReadyWebhookPayload,
  checkWebhookUrl,
  deliverWebhook,
  newWebhookSecret,
  signWebhook,
  verifyWebhookSignature,
  WEBHOOK_EVENTS,
  type WebhookDelivery,
  type WebhookEvent,
  type WebhookOptions,
  webhookTestPayload,
} from "./notify/webhook.ts";
export { type AddResult, addPostingFromText, addPostingFromUrl } from "./pipeline/add-posting.ts";
export { type EmbedAndIndexSummary, embedAndIndex } from "./pipeline/embed-and-index.ts";
export { type ImportSummary, importPostings } from "./pipeline/import-postings.ts";
export {
  type IngestEvent,
  type IngestSummary,
  type IngestTotals,
  ingest,
  type SourceStats,
} from "./pipeline/ingest.ts";
export { canReachSources, runIngest } from "./pipeline/run-ingest.ts";
export { type CvView, cvViewSchema, toCvView } from "./profile/cv-schema.ts";
export { type CvSection, cvSections } from "./profile/cv-sections.ts";
export { extractCvText, MAX_CV_BYTES } from "./profile/cv-text.ts";
export {
  defaultPreferences,
  type Preferences,
  preferencesInputSchema,
  preferencesSchema,
  preferencesViewSchema,
} from "./profile/preferences.ts";
export {
  getProfile,
  LOCAL_USER_ID,
  type Profile,
  saveProfile,
} from "./profile/profile-store.ts";
export { searchJobs } from "./rank/lexical-search.ts";
export { type FeatureName, type RankedJob, type RankResult, rankJobs } from "./rank/rank-jobs.ts";
export { rankedJobViewSchema, whySchema } from "./rank/ranked-job-schema.ts";
export { type RankedJobView, rankedJobView } from "./rank/ranked-job-view.ts";
export { type SkillGap, type SkillPlanItem, skillGap } from "./skills/skill-gap.ts";
export { skillGapSchema } from "./skills/skill-gap-schema.ts";
export { createHttpClient } from "./sources/http-client.ts";
export { sourceLabel, sourceRegistry } from "./sources/registry.ts";
export type { JobSource, SourcePosting } from "./sources/types.ts";
export {
  type AgentFailure,
  type AgentOverview,
  type AgentOverviewOptions,
  type AgentRun,
  agentOverview,
  type TaskFigures,
} from "./tasks/agent-overview.ts";
export {
  agentFailureSchema,
  agentOverviewSchema,
  agentRunSchema,
  type TaskRun,
  taskFiguresSchema,
  taskRunSchema,
} from "./tasks/agent-overview-schema.ts";
export { type AgentStatus, type AgentTasks, agentStatusSchema } from "./tasks/agent-schema.ts";
export {
  askForBatch,
  BATCH_ASK_INTERVAL_MS,
  type BatchAsk,
  batchAskAllowedAt,
  batchAskSchema,
} from "./tasks/ask-for-batch.ts";
export { type PersonSchedule, personSchedules } from "./tasks/due-people.ts";
export { createPersonNotifier } from "./tasks/notify-person.ts";
export { createScheduler, nextRunOf, type Scheduler } from "./tasks/scheduler.ts";
export { openTaskQueue, type TaskQueue } from "./tasks/task-queue.ts";
export { PersonBusyError, performTask } from "./tasks/task-requests.ts";
export type { TaskRunner } from "./tasks/task-runner.ts";
export { listTaskRuns, type TaskRunView } from "./tasks/task-runs.ts";
export type { TaskContext, TaskOutcome, TaskRequest } from "./tasks/task-types.ts";
export {
  listOutcomes,
  type Outcome,
  outcomeInputSchema,
  outcomeSchema,
  recordOutcome,
} from "./track/outcomes.ts";
export { pendingApplications } from "./track/pending-applications.ts";
