/**
 * Valid report inputs for the API tests of input and business rules: Makassar (73.71) declaring
 * interest in Banyuwangi's Smart Kampung, and its study visit there. Each test overrides the
 * fields it is about.
 */
export const SMART = 'banyuwangi-smart-kampung';

export const milestoneInput = (over: Record<string, unknown> = {}) => ({
  adopterCode: '73.71',
  innovationId: SMART,
  kind: 'INTEREST_DECLARED',
  occurredOn: '2021-01-04',
  ...over,
});

export const visitInput = (over: Record<string, unknown> = {}) => ({
  hostCode: '35.10',
  visitorCode: '73.71',
  startDate: '2021-01-04',
  endDate: '2021-01-05',
  delegationSize: 10,
  leader: 'Wali Kota Makassar',
  innovationIds: [SMART],
  ...over,
});
