/** Identifiers the fake Slack helpers use by default, shared so tests and fakes agree. */
export const FAKE_TEAM_ID = 'T0FAKE';
export const FAKE_TEAM_NAME = 'Fake Team';
export const FAKE_TEAM_DOMAIN = 'fake';
export const FAKE_APP_ID = 'A0APP';
export const FAKE_BOT_USER_ID = 'U0BOT';
export const FAKE_BOT_ID = 'B0BOT';
export const FAKE_BOT_NAME = 'ipplan';
export const FAKE_USER_ID = 'U0USER';
export const FAKE_USER_NAME = 'fake.user';
export const FAKE_CHANNEL_ID = 'C0CHAN';
export const FAKE_CHANNEL_NAME = 'fake-channel';
