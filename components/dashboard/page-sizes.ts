// Plain module: a server component importing a constant from a "use client" file gets a client reference, not the value.
export const RECENT_SESSIONS_PAGE_SIZE = 8;
