// Next inlines NODE_ENV when it builds: `next dev` compiles for development, `next build` for production.
export const isDevelopmentBuild = process.env.NODE_ENV === "development";
