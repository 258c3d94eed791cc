import { dutchDate, fromUtcDate } from '../domain/dates';
import { prescriptionDate, type Prescription } from '../domain/prescription';
import { assumedDeliveryDate } from '../domain/wik-letter';

/**
 * When the case's earliest-due invoice prescribes (3:307), renewed by each written demand sent
 * (3:317, 3:319). A demand interrupts when it reaches the debtor (3:37 lid 3): a letter on its
 * assumed delivery day, an e-mail on the day it was sent. Invoices are taken as contract claims
 * (5 years); the 2-year term of a consumer sale (7:28) needs the claim's kind, which intake does
 * not ask for yet, so the date shown is the later of the two readings.
 */
export function casePrescription(
  claims: readonly { dueDate: Date }[],
  communications: readonly { channel: string; postedOn: Date | null; sentAt: Date }[],
): Prescription {
  return prescriptionDate({
    dueDate: claims.map((c) => fromUtcDate(c.dueDate)).sort()[0],
    kind: 'CONTRACT',
    interruptions: communications.map((m) =>
      m.channel === 'LETTER' && m.postedOn ? assumedDeliveryDate(fromUtcDate(m.postedOn)) : dutchDate(m.sentAt),
    ),
  });
}
