/**
 * GraphiQL example tabs for the analysts' figures (issue 12): rankings, the adoption curve, time
 * to stage, the diffusion network, verified-only counts and the live feed of verdicts. Listed in
 * `examples.ts` after the registry's own examples; labelled Indonesian__English like them.
 */
export const figureExamples = (
  example: (
    query: string,
    variables?: Record<string, unknown>,
  ) => {
    query: string;
    variables: string | null;
    headers: null;
  },
) => [
  example(`# Inovasi mana yang paling banyak direplikasi (sampai MoU), nasional dan di Sumatera Selatan?
# Which innovations spread the most (to an MoU or further), nationally and in South Sumatra?
query Inovasi_teratas__Top_innovations {
  nasional: topInnovations(minStage: AGREED, first: 10) {
    rank count innovation { name origin { name } }
  }
  sumsel: topInnovations(minStage: AGREED, filter: { provinceCode: "16" }) {
    rank count innovation { name }
  }
}
`),
  example(`# Daerah mana yang paling banyak mereplikasi, dan daerah asal mana yang paling banyak ditiru?
# Which regencies adopt the most, and whose innovations are adopted the most?
query Daerah_teratas__Top_adopters_and_origins {
  topAdopters(minStage: AGREED, first: 10) { rank count regency { name province { name } } }
  topOrigins(minStage: AGREED, first: 10) { rank count regency { name } }
}
`),
  example(
    `# Kurva adopsi (kurva S) per tahun: kapan daerah mencapai MoU, menurut tanggal kejadian dan tanggal dilaporkan
# The adoption S-curve by year: when adopters reached an MoU, by when it happened and by when it was reported
query Kurva_adopsi__Adoption_curve($innovationId: ID) {
  terjadi: adoptionCurve(innovationId: $innovationId, stage: AGREED, interval: YEAR, clock: OCCURRED) {
    adoptions adopters
    periods { period adoptions cumulativeAdoptions adopters cumulativeAdopters }
  }
  dilaporkan: adoptionCurve(innovationId: $innovationId, stage: AGREED, clock: KNOWN) {
    periods { period cumulativeAdoptions }
  }
}
`,
    { innovationId: 'banyuwangi-mal-pelayanan-publik' },
  ),
  example(`# Berapa bulan dari studi tiru sampai peluncuran (median dan kuartil), nasional dan untuk Banyuwangi?
# How many months from study visit to launch (median and quartiles), nationally and for Banyuwangi?
query Waktu_ke_tahap__Time_to_stage {
  nasional: timeToStage(from: STUDY_VISIT) {
    adoptions
    stages { stage adoptions q1Days medianDays q3Days medianMonths }
  }
  banyuwangi: timeToStage(originCode: "35.10", from: FIRST_INTEREST) {
    stages { stage adoptions medianDays medianMonths }
  }
}
`),
  example(`# Siapa belajar dari siapa: studi tiru (tuan rumah → tamu) dan adopsi (asal → pereplikasi)
# Who learned from whom: study visits (host → visitor) and adoptions (origin → adopter)
query Jaringan_difusi__Diffusion_network {
  diffusionNetwork(originCode: "35.10") {
    nodes { code regency { name } province { name } }
    edges { kind from to date stage innovations { name } }
  }
}
`),
  example(`# Angka yang terverifikasi saja dibanding semua laporan (yang ditolak tidak dihitung secara bawaan)
# Verified-only figures next to all reports (rejected ones are left out by default)
query Hanya_terverifikasi__Verified_only {
  semua: topInnovations(filter: { verification: ANY }) { rank count innovation { name } }
  bawaan: topInnovations { rank count innovation { name } }
  terverifikasi: topInnovations(filter: { verification: VERIFIED_ONLY }) { rank count innovation { name } }
}
`),
  example(`# Pantau verifikasi, penolakan, penarikan dan data dukung baru secara langsung
# Watch verdicts, retractions and added evidence live
subscription Perubahan_langsung__Live_verdicts {
  milestoneChanged(originCode: "35.10", changes: [VERIFIED, REJECTED, RETRACTED, EVIDENCE_ADDED]) {
    position change
    milestone { id kind verification evidence { title } }
    adoption { adopter { name } innovation { name } stage }
  }
}
`),
];
