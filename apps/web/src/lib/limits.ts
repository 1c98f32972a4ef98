// Limits the API states in its OpenAPI document, for the inputs that let a person stay inside
// them (api-schema.test.ts checks that they still match the document).

/** Preferences.batchSize: jobs per batch. */
export const MAX_BATCH_SIZE = 5;
/** Preferences.searchFrequencyDays: the longest interval between searches. */
export const MAX_SEARCH_FREQUENCY_DAYS = 90;
