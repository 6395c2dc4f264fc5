/** The comments API's paths (plain values: the console imports them without the schemas). */
export const commentsApiPaths = {
  comments: (waveId: number) => `/api/admin/waves/${waveId}/comments`,
  counts: (waveId: number) => `/api/admin/waves/${waveId}/comments/counts`,
  tags: (waveId: number) => `/api/admin/waves/${waveId}/comments/tags`,
  themes: (waveId: number) => `/api/admin/waves/${waveId}/comment-themes`,
  workbook: (waveId: number) => `/api/admin/waves/${waveId}/comments.xlsx`,
} as const;
