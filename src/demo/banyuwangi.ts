import type { Actor, Commands } from '../application/commands.js';

/**
 * The story replika starts from, as public facts with their sources: Banyuwangi's innovations,
 * the February 2019 study visits of Pasangkayu and Lahat, the MoUs signed that week, and the later
 * MPP milestones. Loaded through the command handlers like any report, each with the day the
 * ministry could first have known of it (`knownOn`: its source's publication date), so the
 * `knownAt` clock is meaningful for the story.
 */

const demo: Actor = { id: 'system:demo', role: 'ADMIN' };
const news = (reference: string, title: string) => ({ kind: 'NEWS' as const, title, reference });

export const DEMO_INNOVATIONS = {
  lounge: 'banyuwangi-lounge-pelayanan-publik',
  eVillageBudgeting: 'banyuwangi-e-village-budgeting',
  smartKampung: 'banyuwangi-smart-kampung',
  mpp: 'banyuwangi-mal-pelayanan-publik',
  mou2019: 'banyuwangi-paket-replikasi-inovasi-2019',
} as const;

const innovations = [
  {
    id: DEMO_INNOVATIONS.lounge,
    originCode: '35.10',
    name: 'Lounge Pelayanan Publik',
    description: 'Ruang layanan publik terpadu; in operation by April 2015.',
    category: 'PUBLIC_SERVICE',
    digital: false,
    evidence: [
      news('inet.detik.com, berita-ngopi d-2898268', 'Lounge Pelayanan Publik Banyuwangi'),
    ],
  },
  {
    id: DEMO_INNOVATIONS.eVillageBudgeting,
    originCode: '35.10',
    name: 'e-Village Budgeting',
    description:
      'Online village finance planning and budgeting under Perbup Banyuwangi 15/2015; all 189 villages by March 2016.',
    category: 'GOVERNANCE',
    digital: true,
    evidence: [
      {
        kind: 'REGULATION',
        title: 'Peraturan Bupati Banyuwangi Nomor 15 Tahun 2015',
        reference: 'Perbup Banyuwangi 15/2015',
      },
      news('regional.kompas.com 2016/03/02', 'e-Village Budgeting in all 189 villages'),
    ],
  },
  {
    id: DEMO_INNOVATIONS.smartKampung,
    originCode: '35.10',
    name: 'Smart Kampung',
    description: 'Village administration and services online, village by village.',
    category: 'PUBLIC_SERVICE',
    digital: true,
    launchedOn: '2016-05-31',
    evidence: [news('jatim.antaranews.com berita 246875', 'Smart Kampung launched')],
  },
  {
    id: DEMO_INNOVATIONS.mpp,
    originCode: '35.10',
    name: 'Mal Pelayanan Publik',
    description:
      'One building for public services and one-stop licensing (PTSP); the first MPP run by a kabupaten.',
    category: 'PUBLIC_SERVICE',
    digital: false,
    launchedOn: '2017-10-06',
    evidence: [
      news('jatim.antaranews.com berita 265594', "Banyuwangi's Mal Pelayanan Publik opens"),
    ],
  },
  {
    id: DEMO_INNOVATIONS.mou2019,
    originCode: '35.10',
    name: 'Paket replikasi inovasi Banyuwangi 2019',
    description:
      'The innovations covered by the MoUs of 27 Feb 2019; the source does not name them one by one.',
    category: 'OTHER',
    digital: false,
    evidence: [
      news('jatimnow.com baca-12864', 'Four regencies sign MoUs to adopt Banyuwangi innovations'),
    ],
  },
];

const visitEvidence = [news('tribunnews.com 2019/02/25', 'Pasangkayu and Lahat study Banyuwangi')];
const sites = [
  { name: 'Lounge Pelayanan Publik' },
  { name: 'Mal Pelayanan Publik Banyuwangi' },
  { name: 'Kantor Kecamatan Licin' },
  { name: 'Smart Kampung Desa Tamansari', villageCode: '35.10.24.2008' },
];
const studied = [
  DEMO_INNOVATIONS.eVillageBudgeting,
  DEMO_INNOVATIONS.smartKampung,
  DEMO_INNOVATIONS.mpp,
  DEMO_INNOVATIONS.lounge,
];

const visits = [
  {
    hostCode: '35.10',
    visitorCode: '76.01',
    startDate: '2019-02-25',
    endDate: '2019-02-27',
    delegationSize: 60,
    leader: 'Bupati Pasangkayu',
    sites,
    innovationIds: studied,
    knownOn: '2019-02-25',
    note: '60 officials, every village head among them; studied village finance planning, village administration, BUMDes management, the MPP and PTSP.',
    evidence: visitEvidence,
  },
  {
    hostCode: '35.10',
    visitorCode: '16.04',
    startDate: '2019-02-25',
    endDate: '2019-02-27',
    delegationSize: 14,
    leader: 'Bupati Lahat',
    sites,
    innovationIds: studied,
    knownOn: '2019-02-25',
    note: '14 officials; studied village finance planning, village administration, BUMDes management, the MPP and PTSP.',
    evidence: visitEvidence,
  },
];

const milestones = [
  {
    adopterCode: '76.01',
    innovationId: DEMO_INNOVATIONS.mpp,
    kind: 'INTEREST_DECLARED',
    occurredOn: '2019-02-25',
    note: 'The regent wants Pasangkayu to have its own MPP "soon".',
    knownOn: '2019-02-25',
    evidence: visitEvidence,
  },
  {
    adopterCode: '16.04',
    innovationId: DEMO_INNOVATIONS.mpp,
    kind: 'INTEREST_DECLARED',
    occurredOn: '2019-02-25',
    note: 'The regent wants Lahat\'s service to be "as good as Banyuwangi".',
    knownOn: '2019-02-25',
    evidence: visitEvidence,
  },
  ...['33.22', '36.02', '63.02', '62.03'].map((adopterCode) => ({
    adopterCode,
    innovationId: DEMO_INNOVATIONS.mou2019,
    kind: 'AGREEMENT_SIGNED',
    occurredOn: '2019-02-27',
    note: 'MoU with Banyuwangi to adopt its innovations.',
    knownOn: '2019-02-27',
    evidence: [news('jatimnow.com baca-12864', 'Four regencies sign MoUs with Banyuwangi')],
  })),
  {
    adopterCode: '76.01',
    innovationId: DEMO_INNOVATIONS.mpp,
    kind: 'BUDGET_ALLOCATED',
    occurredOn: '2023-09-13',
    note: 'Ground broken on the MPP building (peletakan batu pertama): construction under way means its budget is allocated.',
    // Known when the source was published.
    knownOn: '2023-10-04',
    evidence: [news('sulbar.tribunnews.com 2023/10/04', 'Pasangkayu breaks ground on its MPP')],
  },
  {
    adopterCode: '16.04',
    innovationId: DEMO_INNOVATIONS.mpp,
    kind: 'AGREEMENT_SIGNED',
    occurredOn: '2024-03-01',
    note: 'KemenPANRB judged the MPP proposal complete (urgency study, MoUs, PKS) in March 2024; the source gives the month, not the day.',
    // The source was published in March 2024 and gives no day: known from the day it is dated.
    knownOn: '2024-03-01',
    evidence: [news('palpres.bacakoran.co 9056', "Lahat's MPP proposal judged complete")],
  },
  {
    adopterCode: '16.04',
    innovationId: DEMO_INNOVATIONS.mpp,
    kind: 'PILOT_STARTED',
    occurredOn: '2024-03-28',
    note: 'MPP pilot (uji coba) starts as a mobile service.',
    mode: 'ADAPTATION',
    knownOn: '2024-03-28',
    evidence: [news('sriwijayamedia.com 2024/03', 'Lahat starts its MPP pilot')],
  },
];

/** Loads the story; returns the log position of its last event. */
export async function loadDemo(commands: Commands): Promise<bigint> {
  let position = 0n;
  for (const input of innovations)
    position = (await commands.registerInnovation(input, demo)).position;
  for (const input of visits) position = (await commands.reportStudyVisit(input, demo)).position;
  for (const input of milestones) position = (await commands.reportMilestone(input, demo)).position;
  return position;
}
