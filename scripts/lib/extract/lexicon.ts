/**
 * The words of poverty-reduction plans that the pattern families read, folded (no diacritics, lower case), as the
 * phrases they stand in. OCR repair (text.ts) reads a garbled word back as one of these when the confusion model allows
 * it, so a word missing here is one OCR noise can hide from the patterns: when a pattern gains a word, add it here
 * (test/unit/extract-text.test.ts checks the families' literal words against this list).
 *
 * In a phrase, `#` stands for any number and `####` for a year, so "năm 2024" and "ngày 05 tháng 3" give context too.
 * "để" (de) is left out on purpose: OCR reads "đó" as "dé", and "trong dé" must be able to become "trong đó".
 */
export const PHRASES: string[] = [
  // Populations.
  "ho ngheo", "ho can ngheo", "ho ngheo a", "can ngheo", "thoat ngheo", "thoat can ngheo", "ho moi thoat ngheo", "moi thoat ngheo",
  "tai ngheo", "giam ngheo", "chuan ngheo", "ngheo da chieu", "phat sinh ngheo", "vi nguoi ngheo", "nguoi ngheo",
  "ho thoat ngheo", "ho moi thoat can ngheo", "thu nhap thap", "co thu nhap thap", "muc song trung binh", "co muc song",
  "nguoi lao dong", "lao dong", "hoc sinh", "sinh vien", "tre em", "doi tuong", "gia dinh", "can bo", "cong chuc",
  "nguoi co cong", "nguoi co cong voi cach mang", "cach mang", "uu dai", "thanh vien", "nhan khau", "nguoi", "toan bo",
  "cac ho", "so ho", "tong so ho", "tong so ho dan cu", "dan cu", "bao tro xa hoi", "thuoc dien bao tro xa hoi",
  "ho ngheo thuoc", "kha nang thoat ngheo", "co kha nang thoat ngheo", "kha nang thoat can ngheo", "khong tinh",
  "co thanh vien", "chinh sach", "ho gia dinh",
  // Rates and changes.
  "ty le", "ty le ho ngheo", "ty le ho can ngheo", "ty le ngheo", "giam con", "giam xuong con", "xuong con", "giam tu",
  "tu # xuong con", "muc giam", "muc tang", "thuc hien muc giam", "tuong ung", "tuong ung voi", "chiem ty le", "chiem",
  "la", "con", "tang them", "giam them", "binh quan", "o muc", "khong qua", "duoi", "tren", "hon", "it nhat", "toi thieu",
  "toi da", "dat", "bang", "phan dau", "muc tieu", "chi tieu", "ke hoach", "nam ####", "cuoi nam ####", "het nam ####",
  "dau nam", "phe duyet", "giai doan", "ap dung", "ap dung cho", "theo chuan ngheo", "tiep can da chieu",
  // Services and coverage.
  "bao hiem y te", "the bao hiem y te", "mua bao hiem y te", "tham gia bao hiem y te", "cap the", "mien phi", "y te",
  "di hoc", "di hoc dung do tuoi", "dung do tuoi", "giao duc", "dao tao", "hoc nghe", "dao tao nghe", "ky nang nghe",
  "ky nang", "viec lam", "ket noi viec lam", "ket noi", "tim viec lam", "gioi thieu viec lam", "tu van", "nha o",
  "nha o an toan", "nha o kien co", "nha tam", "nha dot nat", "dot nat", "nha tieu", "nha tieu hop ve sinh", "ho xi", "bhyt",
  "nuoc sinh hoat", "nuoc sinh hoat hop ve sinh", "nuoc sach", "nuoc hop ve sinh", "hop ve sinh", "ve sinh", "su dung",
  "vien thong", "internet", "dich vu vien thong", "tiep can thong tin", "thong tin", "vay von", "tin dung", "hoc phi",
  "tro giup phap ly", "phap ly", "tap huan", "boi duong", "co nhu cau", "nhu cau", "duoc", "duoc ho tro", "ho tro", "cho",
  "tham gia", "khong", "mua", "theo", "dich vu xa hoi co ban", "can nha", "ngoi nha", "nha dai doan ket",
  "nha tinh thuong", "mo hinh", "xay dung", "xay moi", "sua chua", "can bo lam cong tac giam ngheo",
  // Deprivations.
  "thieu hut", "thieu hut chi so", "chi so", "chieu thieu hut", "muc do thieu hut", "nguoi phu thuoc", "phu thuoc",
  "dinh duong", "trinh do giao duc", "giao duc cua nguoi lon", "chat luong nha o", "dien tich nha o",
  "dien tich nha o binh quan dau nguoi", "nguon nuoc", "phuong tien", "phuong tien phuc vu tiep can thong tin", "cua",
  "cua ho ngheo", "cua ho can ngheo", "ket qua do luong",
  // Money.
  "trieu dong", "ty dong", "dong", "vnd", "trong do", "ngan sach", "kinh phi", "nhu cau von", "tong nhu cau von",
  // A number and the word beside it: "44 hé" is "44 hộ", "ddt 95%" is "đạt 95%".
  "# ho", "# ho ngheo", "# ho can ngheo", "# nhan khau", "voi # nhan khau", "gom # nhan khau", "# nguoi", "# trieu dong", "# ty dong", "# can nha", "# mo hinh",
  "dat #", "dat tren #", "dat it nhat #", "dat toi thieu #", "la #", "con #", "chiem #", "giam #", "tang #", "tren #", "duoi #", "o muc #", "it nhat #", "toi thieu #",
  "ty le #", "giam tu #", "xuong con #", "muc giam #", "du kien #",
  // Hectares: "15 ha" is a word of its own, not a garbled "15 hộ".
  "# ha",
  // Header and tables.
  "so", "ngay", "thang", "ngay # thang # nam ####", "ngay thang nam ####", "ke hoach so", "kem theo ke hoach so", "thuc hien ke hoach", "nham",
  "can cu", "uy ban nhan dan", "ubnd", "phu luc", "tong", "tong cong", "cong", "toan", "thanh pho", "thi xa", "thi tran",
  "huyen", "quan", "phuong", "xa", "to dan pho", "tdp", "thon", "xom", "khu pho", "khu", "ban", "ap", "tinh",
  "va", "voi", "gom", "co", "cac", "trong", "nam", "cuoi", "het", "giam", "tang", "tu", "xuong", "muc", "thuc hien",
];

/**
 * Words the reading (grammar.ts, reading.ts, flat-tables.ts, header.ts) matches on that are not in the OCR repair's
 * lexicon: document types, header and section words, modality and flow words. Adding them to PHRASES changed how the
 * repair reads short garbled tokens in the plans' OCR copies ("thude" stopped reading as "thuộc"), so they are kept
 * apart: OCR noise on them is not repaired, and a scanned review decision or report may lose its section words.
 */
export const READING_PHRASES: string[] = [
  // Document types, headers and sections (grammar.ts, header.ts, reading.ts).
  "quyet dinh", "bao cao", "nghi quyet", "bao cao so ket", "bao cao tong ket", "quyet nghi", "hoi dong nhan dan", "hdnd",
  "chu tich", "tm", "xet", "dieu", "khoa", "khoan", "diem", "bieu", "ky hop", "ky hop thu", "cong hoa", "doc lap",
  "qd", "nq", "bc", "ttg", "qd-ttg", "ix", "viii", "xii", "xiii", "xiv", "cap nhat", "ngay dang", "dang ngay", "ban hanh",
  "ban hanh kem theo", "trien khai", "vua", "se", "no luc", "nhiem vu", "phuong huong", "ket qua", "ra soat",
  "ket qua ra soat", "so lieu", "thoi diem", "tai thoi diem", "tinh den", "den", "vao", "dau ky", "tong ket", "ton tai",
  "tinh hinh", "danh gia", "thuc trang", "hien trang", "phan bo", "giao chi tieu", "du kien", "uoc dat", "hoan thanh",
  "vuot", "cung ky", "so voi", "thap hon", "cao hon", "nhu vay", "dua", "dua ty le", "tiep tuc", "can dat", "dat muc",
  "tt", "stt", "don vi", "ten don vi", "noi dung", "tong so ho gia dinh", "dia ban", "tren dia ban", "nay",
  // Populations and flows the reading tells apart from the stock.
  "thanh thi", "nong thon", "khu vuc", "dan toc thieu so", "dong bao", "nguoi dan toc", "huyen ngheo", "dac biet kho khan",
  "kho khan", "vung", "chuyen sang", "chuyen len", "tu ho ngheo len", "bien dong", "phat sinh moi", "ngheo moi", "tai ngheo",
  "thoat khoi", "chu ho", "phu nu", "khuyet tat", "chung", "ho ngheo va ho can ngheo chung", "diem phan tram", "phan tram",
  "luot", "nghin", "ngan", "gio", "phut", "km", "tan", "hang nam", "mot nam", "moi nam", "khoang", "de xuat", "dang ky", "nguy co", "hien nay", "tong hop", "xuat", "biet", "cho biet", "hay", "thay",
];

/** Every word of the phrases. */
export const WORDS: Set<string> = new Set(PHRASES.flatMap((p) => p.split(" ")).filter((w) => !/^#+$/.test(w)));
