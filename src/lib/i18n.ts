/** Words on the page in Vietnamese (first) and English, and the paths of every page in each language. */
import type { Locale } from "./format.ts";

export type { Locale };
export const LOCALES: Locale[] = ["vi", "en"];

/** Path of a page in a locale: vi at the root, en under /en/. `path` starts and ends with "/". */
export function localePath(locale: Locale, path: string): string {
  return locale === "vi" ? path : `/en${path}`;
}

/** The same page in the other language. */
export function otherLocale(locale: Locale): Locale {
  return locale === "vi" ? "en" : "vi";
}

export const paths = {
  home: "/",
  locality: (id: string) => `/localities/${id}/`,
  plan: (id: string) => `/plans/${id}/`,
  meeting: (id: string) => `/meeting/${id}/`,
  compare: "/compare/",
  data: "/data/",
  method: "/method/",
};

const dict = {
  site: { vi: "Theo dõi kế hoạch giảm nghèo", en: "Poverty Plan Tracker" },
  tagline: {
    vi: "Số liệu và chỉ tiêu trong các kế hoạch giảm nghèo của địa phương, đặt cạnh nhau để so sánh, mỗi con số dẫn về câu văn trong kế hoạch.",
    en: "Figures and targets from Vietnam's local poverty-reduction plans, side by side, each traced to the sentence of the plan it comes from.",
  },
  intro2: {
    vi: "Hộ nghèo là hộ có thu nhập dưới chuẩn nghèo và thiếu hụt từ 3 chỉ số dịch vụ xã hội cơ bản trở lên; hộ cận nghèo có thu nhập dưới chuẩn nhưng thiếu hụt ít hơn 3 chỉ số (chuẩn 2022–2025).",
    en: "A poor household (hộ nghèo) has income below the poverty line and lacks 3 or more of 12 basic social services; a near-poor household (hộ cận nghèo) has income below the line but lacks fewer than 3 (2022–2025 standard).",
  },
  nav_home: { vi: "Tổng quan", en: "Overview" },
  nav_compare: { vi: "So sánh", en: "Compare" },
  nav_data: { vi: "Dữ liệu", en: "Data" },
  nav_method: { vi: "Phương pháp", en: "Method" },
  skip: { vi: "Chuyển đến nội dung chính", en: "Skip to main content" },
  switch_lang: { vi: "English", en: "Tiếng Việt" },
  poor: { vi: "Hộ nghèo", en: "Poor households" },
  near_poor: { vi: "Hộ cận nghèo", en: "Near-poor households" },
  poverty_rate: { vi: "Tỷ lệ hộ nghèo", en: "Poor-household rate" },
  near_poverty_rate: { vi: "Tỷ lệ hộ cận nghèo", en: "Near-poor-household rate" },
  baseline: { vi: "Đầu kỳ", en: "Baseline" },
  target: { vi: "Chỉ tiêu", en: "Target" },
  change_pp: { vi: "Thay đổi (điểm %)", en: "Change (pp)" },
  change_households: { vi: "Thay đổi (hộ)", en: "Change (households)" },
  change_relative: { vi: "Thay đổi tương đối", en: "Relative change" },
  standard: { vi: "Chuẩn nghèo", en: "Poverty standard" },
  plan: { vi: "Kế hoạch", en: "Plan" },
  plans: { vi: "Các kế hoạch", en: "Plans" },
  locality: { vi: "Địa bàn", en: "Locality" },
  localities: { vi: "Địa bàn", en: "Localities" },
  year: { vi: "Năm", en: "Year" },
  number: { vi: "Số hiệu", en: "Number" },
  issued: { vi: "Ngày ban hành", en: "Issued" },
  issuer: { vi: "Cơ quan ban hành", en: "Issuer" },
  no_date: { vi: "không ghi ngày", en: "no date printed" },
  search_label: { vi: "Tìm địa bàn", en: "Find a locality" },
  search_hint: { vi: "Gõ tên, có dấu hoặc không dấu, ví dụ “quang minh”", en: "Type a name, with or without accents, e.g. “quang minh”" },
  chart: { vi: "Biểu đồ", en: "Chart" },
  table: { vi: "Bảng", en: "Table" },
  sources: { vi: "Nguồn", en: "Sources" },
  source: { vi: "Nguồn", en: "Source" },
  data_table: { vi: "Số liệu của biểu đồ", en: "Data behind the chart" },
  copy_link: { vi: "Sao chép liên kết", en: "Copy link" },
  copied: { vi: "Đã sao chép liên kết", en: "Link copied" },
  quote: { vi: "Trích dẫn", en: "Quote" },
  line: { vi: "dòng", en: "line" },
  see_quote: { vi: "xem câu gốc", en: "see the sentence" },
  computed: { vi: "tính lại", en: "computed" },
  stated: { vi: "ghi trong kế hoạch", en: "printed in the plan" },
  quality: { vi: "Chất lượng dữ liệu", en: "Data quality" },
  key_figures: { vi: "Số liệu chính", en: "Key figures" },
  all_targets: { vi: "Tất cả chỉ tiêu", en: "All targets" },
  history: { vi: "Thay đổi địa giới hành chính", en: "Administrative history" },
  download: { vi: "Tải dữ liệu", en: "Download data" },
  indicator: { vi: "Chỉ tiêu", en: "Indicator" },
  group: { vi: "Nhóm", en: "Group" },
  value: { vi: "Giá trị", en: "Value" },
  date: { vi: "Thời điểm", en: "Date" },
  sort_by: { vi: "Sắp xếp theo", en: "Sort by" },
  show: { vi: "Hiển thị", en: "Show" },
  name: { vi: "Tên", en: "Name" },
  not_comparable: {
    vi: "Các kế hoạch theo chuẩn nghèo khác nhau được vẽ riêng: tỷ lệ theo chuẩn 2016–2020 và 2022–2025 không so sánh được với nhau.",
    en: "Plans on different poverty standards are drawn apart: rates on the 2016–2020 and 2022–2025 standards cannot be compared.",
  },
} as const;

export type Key = keyof typeof dict;

/** A word or sentence in the locale. */
export function t(locale: Locale, key: Key): string {
  return dict[key][locale];
}

// One formatter for the whole build: toLocaleDateString builds a new one per call, and pages format thousands of dates.
const EN_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "31/12/2023" (vi) or "31 Dec 2023" (en) from an ISO date; plans date targets at year end. */
export function formatDate(iso: string | null, locale: Locale): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-").map(Number);
  if (locale === "vi") return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`;
  return EN_DATE.format(new Date(Date.UTC(y, m - 1, d)));
}

/** Standard's display name. */
export function standardName(id: "2016-2020" | "2022-2025", locale: Locale): string {
  return locale === "vi" ? `chuẩn nghèo ${id.replace("-", "–")}` : `${id.replace("-", "–")} standard`;
}
