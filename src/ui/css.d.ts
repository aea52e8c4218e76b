/** Style sheets imported by a page's index.ts: esbuild bundles them and the build inlines them. */
declare module "*.css";
