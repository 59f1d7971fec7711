/**
 * Coverage targets: "100% hộ nghèo, hộ cận nghèo được cấp thẻ bảo hiểm y tế", "Trên 95% hộ nghèo … sử dụng nước
 * sinh hoạt hợp vệ sinh", "Tỷ lệ trẻ em thuộc hộ nghèo … đi học đúng độ tuổi đạt 95%". A percentage becomes a
 * coverage target only when both the population (the words right after it, or after "tỷ lệ") and the service
 * (the rest of the clause) are recognised; anything else is listed for the reviewer and left out.
 */
import { candidate, comparatorBefore, groupOf, PCT, targetDate, type Candidate, type Context, type Doc, type Skipped } from "./doc.ts";

/** Services, in the order they are tried (the more specific first). `needs` restricts the group. */
const SERVICES: { re: RegExp; indicator: string; needs?: string; also?: RegExp }[] = [
  { re: /\btai ngheo\b/, indicator: "coverage_no_return_to_poverty", needs: "newly_exited" },
  { re: /cach mang|nguoi co cong/, also: /trung binh/, indicator: "coverage_meritorious_above_average", needs: "meritorious_families" },
  { re: /tap huan|boi duong/, indicator: "cadres_trained", needs: "cadres" },
  { re: /nha tam|dot nat/, indicator: "coverage_temporary_houses_removed" },
  { re: /hoc phi/, indicator: "coverage_tuition_support" },
  { re: /tro giup phap l[yi]/, indicator: "coverage_legal_aid" },
  { re: /bao hiem y te|\bbhyt\b/, indicator: "coverage_health_insurance" },
  { re: /\bdi hoc\b/, indicator: "coverage_school_attendance" },
  { re: /ket noi|tim viec lam|gioi thieu viec lam/, also: /viec lam/, indicator: "coverage_job_support" },
  { re: /dao tao|hoc nghe/, also: /nghe/, indicator: "coverage_vocational_training" },
  { re: /nha tieu|ho xi/, indicator: "coverage_hygienic_latrine" },
  { re: /nuoc sinh hoat|nuoc sach|nuoc hop ve sinh/, indicator: "coverage_clean_water" },
  { re: /vien thong|internet/, indicator: "coverage_telecom_internet" },
  { re: /vay von|tin dung/, indicator: "coverage_preferential_credit" },
  { re: /nha o an toan|nha o kien co/, indicator: "coverage_safe_housing" },
];

/** Where the population phrase after a percentage ends: the verb or condition that follows it. */
const GROUP_END = /\b(?:duoc|co nhu cau|nhu cau|su dung|di hoc|khong|mua|tham gia|theo|co muc song|de|dat)\b|[;.:]/;
/** The population phrase must start with a population word (otherwise "100% chi phí" would read as a group). */
const POPULATION = /^(?:cac |so |toan bo )?(?:ho|nguoi|hoc sinh|sinh vien|can bo|cong chuc|doi tuong|tre em|lao dong|gia dinh)\b/;

function serviceOf(text: string, group: string): string | undefined {
  for (const s of SERVICES) {
    if (!s.re.test(text) || (s.also && !s.also.test(text))) continue;
    if (s.needs && s.needs !== group) continue;
    if (!s.needs && group === "cadres") continue;
    return s.indicator;
  }
  return undefined;
}

function populationOf(phrase: string): string | undefined {
  const p = phrase.trim();
  const head = p.split(GROUP_END)[0];
  if (POPULATION.test(head)) return groupOf(head);
  // "Xóa 100% nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo": the population follows "cho".
  const cho = /\bcho ((?:cac )?(?:ho|nguoi|hoc sinh)\b.*)$/.exec(head);
  return cho ? groupOf(cho[1]) : undefined;
}

/** Coverage targets (percent of a population that gets a service). */
export function extractCoverage(doc: Doc, ctx: Context, skipped: Skipped[]): Candidate[] {
  const t = doc.text;
  const out: Candidate[] = [];
  const pcts = [...t.matchAll(new RegExp(PCT, "g"))];
  pcts.forEach((m, i) => {
    const a = m.index, b = a + m[0].length;
    if (doc.isClaimed(a)) return;
    const seg = doc.segmentAt(a);
    const prefix = t.slice(seg.a, a);
    const nextPct = pcts[i + 1] && pcts[i + 1].index < seg.b ? pcts[i + 1].index : seg.b;
    const predicate = t.slice(b, nextPct);
    const value = doc.value(a, b);
    const skip = (why: string) => skipped.push({ line: doc.line(a), value, why });

    let group: string | undefined, indicator: string | undefined, form: string, confidence = 0.9;
    const tyLe = /\bty le ((?:(?!ty le)[^%])*?)\b(?:dat|la|o muc|bang)(?: (?:tren|it nhat|toi thieu|duoi|hon))? ?$/.exec(prefix);
    if (tyLe) {
      // "Tỷ lệ <population> <service> đạt X%".
      form = '"tỷ lệ … đạt X%"';
      group = populationOf(tyLe[1]);
      indicator = group && serviceOf(tyLe[1] + predicate, group);
    } else {
      form = '"X% <population> <service>"';
      group = populationOf(predicate);
      indicator = group && serviceOf(predicate, group);
      if (group && !indicator) {
        // "<service> cho X% <population>" names the service first; otherwise it may only be in the clause's
        // heading ("Về y tế: 100% …"), which is less certain.
        indicator = serviceOf(prefix, group);
        if (!/\bcho (?:(?:tren|it nhat|toi thieu) )?$/.test(prefix)) confidence = 0.75;
      }
    }
    if (/\bty le (?:ho )?(?:can )?ngheo\b/.test(prefix.slice(-80))) return skip("rate wording no pattern reads (a range, an achieved result…)");
    if (!group) return skip("no population named after it");
    if (!indicator) return skip(`population "${group}" but no service recognised`);
    const segText = doc.seg(seg);
    // A card "cấp … miễn phí" (or with the premium paid in full) is the free-card indicator, not mere coverage.
    if (indicator === "coverage_health_insurance" && /\bcap\b/.test(segText) && /mien phi|ho tro 100 ?%/.test(segText)) indicator = "coverage_free_health_insurance_card";
    doc.claim(a);
    const c = candidate(doc, "targets", {
      indicator, group, kind: "coverage", comparator: comparatorBefore(prefix), target_value: value, target_date: targetDate(segText, ctx), unit: "percent",
    }, [seg.a, seg.b], a, { pattern: "coverage", reason: `coverage ${form}: population "${group}", service "${indicator}"`, confidence, matchSpan: [Math.max(seg.a, a - 20), nextPct] });
    if (c) out.push(c);
  });
  return out;
}
