/**
 * Waves: a survey round with its questionnaire, schedule and quotas (a target per town, a cap per community),
 * and the allocation preview. Other modules read waves and their quota rows through here.
 */
export {
  addMissingWaveCommunities,
  findCurrentWave,
  findWave,
  findWaveByCode,
  findWaveCommunity,
  listWaveCommunities,
  listWaves,
  listWavesNotClosed,
  listWaveTowns,
  type WaveRow,
} from "./data/waves";
export { default as waveRoutes } from "./routes";
export { createWave, isWaveAccepting, openWave, requireWave } from "./wave-service";
