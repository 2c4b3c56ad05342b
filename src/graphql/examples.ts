import { figureExamples } from './examples-figures.js';

/**
 * Saved example queries GraphiQL opens with (one tab each), for ministry analysts. GraphiQL
 * names a tab after its operation, so each operation name carries the Indonesian and the English
 * label; the comment on top repeats both.
 */
const example = (query: string, variables?: Record<string, unknown>) => ({
  query,
  variables: variables ? JSON.stringify(variables, null, 2) : null,
  headers: null,
});

export const analystExamples = [
  example(`# Kabupaten mana di Sumatera Selatan yang sudah mengoperasikan MPP hasil replikasi Banyuwangi?
# Which regencies in South Sumatra run an operational MPP copied from Banyuwangi?
query MPP_beroperasi_di_Sumsel__Operational_MPPs_in_South_Sumatra {
  adoptions(
    filter: { innovationId: "banyuwangi-mal-pelayanan-publik", provinceCode: "16", minStage: OPERATIONAL }
  ) {
    totalCount
    edges { node { adopter { code name } stage maturity lastOccurredOn } }
  }
}
`),
  example(
    `# Berapa yang studi tiru lalu sampai uji coba, dan berapa lama? (corong & durasi)
# How many that studied an innovation got as far as a pilot, and how long did it take?
query Corong_replikasi__Diffusion_funnel($innovationId: ID!) {
  diffusion(innovationId: $innovationId) {
    innovation { name origin { name } }
    adoptions
    funnel { stage reached current }
    provinces { province { name } adopters }
    studyToStage { stage adoptions medianDays p75Days }
  }
}
`,
    { innovationId: 'banyuwangi-mal-pelayanan-publik' },
  ),
  example(`# Tahap apa yang dicapai Lahat per akhir 2023, dan apa yang diketahui kementerian saat itu?
# What stage had Lahat reached by the end of 2023, and what did the ministry know at that time?
query Lahat_akhir_2023__Lahat_at_end_of_2023 {
  terjadi: adoptions(filter: { adopterCode: "16.04" }, asOf: "2023-12-31") {
    edges { node { innovation { name } stage } }
  }
  diketahui: adoptions(filter: { adopterCode: "16.04" }, knownAt: "2023-12-31T23:59:59+07:00") {
    edges { node { innovation { name } stage } }
  }
}
`),
  example(`# Siapa melaporkan apa, kapan? (jejak audit)
# Who reported what, and when? (audit trail)
query Jejak_audit__Audit_trail {
  adoptions(filter: { adopterCode: "16.04", innovationId: "banyuwangi-mal-pelayanan-publik" }) {
    edges { node { history { position type actor recordedAt data } } }
  }
  events(first: 20) {
    nodes { position stream type actor recordedAt }
    pageInfo { hasNextPage endCursor }
  }
}
`),
  example(`# Ringkasan penyebaran inovasi Banyuwangi per tahun 2019
# Summary of how Banyuwangi's innovations spread, 2019 only
query Ringkasan_Banyuwangi_2019__Banyuwangi_summary_2019 {
  originDiffusion(originCode: "35.10", window: { from: "2019-01-01", to: "2019-12-31" }) {
    innovations adoptions adopters
    funnel { stage reached }
    perInnovation { innovation { name } adoptions }
  }
}
`),
  example(`# Pantau laporan tonggak baru secara langsung (server-sent events)
# Watch new milestone reports live (server-sent events)
subscription Laporan_langsung__Live_milestones {
  milestoneReported(originCode: "35.10") {
    position
    milestone { kind occurredOn reportedBy }
    adoption { adopter { name } innovation { name } stage }
  }
}
`),
  example(`# Studi tiru mana yang tidak berlanjut ke tahap apa pun setelah 12 bulan?
# Which study visits led to nothing beyond STUDIED after 12 months?
query Studi_tiru_tanpa_hasil__Visits_that_led_to_nothing {
  studyVisits(ledToNothingAfterMonths: 12) {
    host { name } visitor { name } startDate endDate delegationSize
    outcomes { innovation { name } stage reached { stage occurredOn days } }
  }
}
`),
  example(`# Apa hasil tiap studi tiru ke Banyuwangi, per inovasi yang dipelajari?
# What did each study visit to Banyuwangi lead to, per innovation studied?
query Hasil_studi_tiru__Study_visit_outcomes {
  studyVisits(hostCode: "35.10") {
    visitor { name } startDate
    outcomes { innovation { name } stage suspended reached { stage occurredOn days } }
  }
}
`),
  example(
    `# Cari inovasi berdasarkan nama, tanpa perlu tahu slug-nya ("mal pel", "MPP")
# Find an innovation by its name, no slug needed ("mal pel", "MPP")
query Cari_inovasi__Search_innovations($text: String!) {
  searchInnovations(text: $text, first: 10) { id name origin { name } category }
}
`,
    { text: 'mal pel' },
  ),
  example(`# Replikasi yang vakum, dan yang dijalankan sebagai adaptasi
# Replications that are suspended (vakum), and those run as an adaptation
query Vakum_dan_adaptasi__Suspended_and_adapted {
  vakum: adoptions(filter: { suspended: true }) {
    totalCount edges { node { adopter { name } innovation { name } stage lastOccurredOn } }
  }
  adaptasi: adoptions(filter: { mode: ADAPTATION }) {
    totalCount edges { node { adopter { name } innovation { name } stage } }
  }
}
`),
  example(`# Berapa APBD yang dialokasikan per provinsi, inovasi dan tahun anggaran?
# How much budget was allocated, by province, innovation and fiscal year?
query Anggaran_replikasi__Budget_totals {
  budgetTotals(groupBy: [PROVINCE, INNOVATION, FISCAL_YEAR], filter: { verification: EXCLUDE_REJECTED }) {
    province { name } innovation { name } fiscalYear amountRupiah allocations adopters
  }
}
`),
  ...figureExamples(example),
];
