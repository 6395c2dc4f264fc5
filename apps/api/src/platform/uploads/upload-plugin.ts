import multipart from "@fastify/multipart";
import fp from "fastify-plugin";
import { BINARY_TYPES, TEXT_TYPES } from "./media-types";

/** Content-type parsers for uploads (up to the configured `uploads.maxBytes`) and multipart file uploads. */
export default fp(
  async (app) => {
    const byteLimit = app.config.uploads.maxBytes;
    await app.register(multipart, { limits: { fileSize: byteLimit, files: 1, fields: 20, parts: 30 } });
    // Fastify's own text/plain parser yields a string already decoded as UTF-8; Chinese CSV files are
    // often GB18030, so every text body stays raw bytes until the table reader decodes it.
    app.removeContentTypeParser("text/plain");
    app.addContentTypeParser(
      [...TEXT_TYPES, ...BINARY_TYPES],
      { parseAs: "buffer", bodyLimit: byteLimit },
      (_request, body, done) => done(null, body),
    );
  },
  { name: "uploads" },
);
