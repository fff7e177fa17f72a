// The worker app: job catalogue, runners and schedules land here (issue 6).
export {};
