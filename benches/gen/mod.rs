//! A seeded generator of realistic activity dumps (SPEC §1 JSONL), shared by
//! `examples/generate.rs` and the benches.
//!
//! The output is deterministic: the same `(n, seed)` always gives the same
//! lines, and record `i` depends only on `(seed, i)`, so a smaller dump is a
//! prefix of a larger one. The mix imitates a monitoring feed:
//!
//! - ~70% everyday posts: work, family, food, traffic, religious greetings,
//!   hobbies, with slang (yg, gak, bgt) and emoji, and the trigger words that
//!   mean something else ("juara 2", "teman2", "pilih paket data");
//! - ~15% election posts built from templates over the embedded candidate
//!   registry: support, opposition, campaign material, photos with hand
//!   symbols, campaign groups, KTP collection, neutrality reminders, KPU
//!   participation, news-like mentions and bare hand signs;
//! - ~10% long news-like texts (400–2000 bytes);
//! - ~5% posts that are mostly media, hashtags or emoji, or empty.
//!
//! Actors are `asn` (sometimes with the role left to its default),
//! `non_asn`, `public`, and institutions' `official` accounts.
//!
//! There is also [`national_registry_toml`], a registry the size of a
//! national Pilkada (545 elections) with invented names, for the build bench.

// Each user (example, bench) uses a different part of this module.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::{self, Write};

// ---------------------------------------------------------------- PRNG

/// SplitMix64: tiny, fast, good enough for test data, fully deterministic.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for one stream.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// A generator for record `index` of the dump `seed`.
    pub fn for_record(seed: u64, index: u64) -> Self {
        let mut r = Rng(seed ^ 0x6e65_7472_616c_2d31); // "netral-1"
        let a = r.next_u64();
        Rng(a ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-shift.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    /// One word of a non-empty list.
    pub fn word(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------- registry view

/// One ticket of the embedded registry, flattened for the templates.
#[derive(Debug, Clone)]
struct Tk {
    /// "Pilgub Jawa Timur", "Pilpres"
    race: String,
    region: String,
    number: u32,
    /// Full names of the candidates.
    names: Vec<String>,
    /// Candidate aliases ("Cak Imin", "Kang Emil").
    cand_aliases: Vec<String>,
    /// Ticket aliases ("RIDO", "Pram-Doel").
    aliases: Vec<String>,
    hashtags: Vec<String>,
    slogans: Vec<String>,
    /// (first, last) day number of the campaign and voting season.
    season: (i64, i64),
    voting_day: String,
}

/// Everything the record generator needs, built once per dump.
struct Ctx {
    tickets: Vec<Tk>,
}

impl Ctx {
    fn new() -> Self {
        let reg = netral::Registry::embedded().unwrap_or_default();
        let mut tickets = Vec::new();
        for e in reg.elections() {
            let race = race_name(&e.id, &e.region);
            let voting = e.voting_day.clone().unwrap_or_else(|| "2024-11-27".into());
            let end = parse_date(&voting).unwrap_or(19_689);
            let start = e
                .campaign
                .as_ref()
                .and_then(|(a, _)| parse_date(a))
                .unwrap_or(end - 60);
            for t in &e.tickets {
                tickets.push(Tk {
                    race: race.clone(),
                    region: e.region.clone(),
                    number: t.number,
                    names: t.candidates.iter().map(|c| c.name.clone()).collect(),
                    cand_aliases: t
                        .candidates
                        .iter()
                        .flat_map(|c| c.aliases.iter().cloned())
                        .collect(),
                    aliases: t.aliases.clone(),
                    hashtags: t.hashtags.clone(),
                    slogans: t.slogans.clone(),
                    season: (start, end),
                    voting_day: voting.clone(),
                });
            }
        }
        if tickets.is_empty() {
            // Only if the embedded registry failed to load: keep generating.
            tickets.push(Tk {
                race: "Pilwako Contoh".into(),
                region: "Kota Contoh".into(),
                number: 2,
                names: vec!["Budi Santoso".into(), "Siti Aminah".into()],
                cand_aliases: vec!["Pak Budi".into()],
                aliases: vec!["BUSA".into()],
                hashtags: vec!["BudiSiti2024".into()],
                slogans: Vec::new(),
                season: (19_991, 20_054),
                voting_day: "2024-11-27".into(),
            });
        }
        Ctx { tickets }
    }
}

/// "pilgub-jatim-2024", "Provinsi Jawa Timur" → "Pilgub Jawa Timur".
fn race_name(id: &str, region: &str) -> String {
    let kind = id.split('-').next().unwrap_or("pilkada");
    let place = region
        .trim_start_matches("Provinsi ")
        .trim_start_matches("Kabupaten ")
        .trim_start_matches("Kota ");
    match kind {
        "pilpres" => "Pilpres".to_string(),
        "pilgub" => format!("Pilgub {place}"),
        "pilbup" => format!("Pilbup {place}"),
        "pilwako" => format!("Pilwako {place}"),
        _ => format!("Pilkada {place}"),
    }
}

// ---------------------------------------------------------------- dates

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn parse_date(s: &str) -> Option<i64> {
    let y = s.get(0..4)?.parse().ok()?;
    let m = s.get(5..7)?.parse().ok()?;
    let d = s.get(8..10)?.parse().ok()?;
    Some(days_from_civil(y, m, d))
}

/// An RFC 3339 timestamp on `day`, mostly WIB, at a plausible posting hour.
fn timestamp(rng: &mut Rng, day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    let hour = *rng.pick(&[
        5, 6, 6, 7, 7, 8, 9, 10, 12, 12, 13, 15, 16, 17, 19, 19, 20, 20, 21, 21, 22, 23,
    ]);
    let tz = rng.word(&["+07:00", "+07:00", "+07:00", "+07:00", "+08:00", "+09:00"]);
    format!(
        "{y:04}-{m:02}-{d:02}T{hour:02}:{:02}:{:02}{tz}",
        rng.below(60),
        rng.below(60)
    )
}

/// A day between 2023-11-01 and 2024-12-31.
fn any_day(rng: &mut Rng) -> i64 {
    let a = days_from_civil(2023, 11, 1);
    let b = days_from_civil(2024, 12, 31);
    a + rng.below((b - a + 1) as usize) as i64
}

// ---------------------------------------------------------------- word lists

const PLATFORMS: &[&str] = &[
    "facebook",
    "facebook",
    "facebook",
    "instagram",
    "instagram",
    "whatsapp",
    "x",
    "tiktok",
    "youtube",
    "threads",
];
const OFFICES: &[&str] = &[
    "dinas-kominfo",
    "dinas-pupr",
    "dinkes",
    "disdikbud",
    "bkpsdm",
    "bappeda",
    "kec-sukamaju",
    "kel-tanjung-raya",
    "rsud",
    "dishub",
    "dpmptsp",
    "satpol-pp",
    "bpbd",
    "disdukcapil",
];
const PLACES: &[&str] = &[
    "aula kantor bupati",
    "ruang rapat Bappeda",
    "kantor camat",
    "balai desa",
    "gedung serbaguna",
    "hotel Santika",
    "pendopo",
    "kantor kelurahan",
    "puskesmas Sukajadi",
    "SDN 3",
];
const ROADS: &[&str] = &[
    "Jl. Sudirman",
    "Jl. Ahmad Yani",
    "simpang lima",
    "flyover Kebon Jeruk",
    "Jl. Gatot Subroto",
    "bundaran HI",
    "jalan lintas Sumatera",
    "pertigaan pasar",
    "Jl. Diponegoro",
    "tol Cikampek",
];
const TRAFFIC_CAUSES: &[&str] = &[
    "ada galian pipa",
    "truk mogok",
    "hujan deres",
    "pasar tumpah",
    "ada kecelakaan motor",
    "lampu merah mati",
    "banjir sebetis",
    "ada karnaval 17an",
    "perbaikan jalan",
];
const FOODS: &[&str] = &[
    "pempek kapal selam",
    "soto lamongan",
    "nasi padang",
    "bakso urat",
    "mie ayam",
    "seblak",
    "sate maranggi",
    "gudeg",
    "rawon",
    "ayam geprek",
    "martabak manis",
    "es teh jumbo",
    "tekwan",
    "lontong sayur",
    "pecel lele",
    "rujak cingur",
    "kopi susu gula aren",
];
const STALLS: &[&str] = &[
    "warung Bu Tini",
    "depan kantor",
    "kantin dinas",
    "pinggir alun2",
    "Pasar Cinde",
    "warung deket rumah",
    "food court mall",
    "angkringan Mas Joko",
    "kedai pojok",
];
const KIDS: &[&str] = &[
    "si sulung",
    "si bungsu",
    "anak kedua",
    "ponakan",
    "cucu pertama",
    "anak wedok",
];
const SKILLS: &[&str] = &[
    "naik sepeda sendiri",
    "baca iqro 3",
    "hafal juz 30",
    "renang gaya dada",
    "nulis namanya",
    "jalan tanpa pegangan",
    "puasa full sebulan",
];
const TRIPS: &[&str] = &[
    "Pantai Parangtritis",
    "Danau Toba",
    "kebun teh Puncak",
    "Bukittinggi",
    "Pantai Losari",
    "curug deket rumah",
    "Kota Tua",
    "Pulau Kemaro",
    "Ranu Kumbolo",
];
const REPORTS: &[&str] = &[
    "SPJ",
    "LKjIP",
    "laporan realisasi anggaran",
    "SKP tahunan",
    "e-kinerja",
    "rekap absensi",
    "laporan BOS",
    "data stunting",
    "RKA 2025",
];
const TOPICS: &[&str] = &[
    "penanganan stunting",
    "persiapan HUT kabupaten",
    "evaluasi PAD",
    "musrenbang kecamatan",
    "pengendalian inflasi",
    "percepatan vaksinasi",
    "penataan PKL",
    "penanggulangan banjir",
];
const EMOJI_HAPPY: &[&str] = &["😄", "😍", "🥰", "😁", "🤩", "👍", "💪", "🔥", "😊", "🙌"];
const EMOJI_TIRED: &[&str] = &["😩", "😭", "🥲", "😮\u{200d}💨", "😤", "🙃"];
const EMOJI_FOOD: &[&str] = &["😋", "🤤", "🍜", "🍲", "☕", "🍢"];
const HONOR: &[&str] = &["pak", "bu", "bang", "mas", "mbak", "kak", "bos", "ndan"];
const COMMENTS: &[&str] = &[
    "mantap {h} 👍",
    "wkwk bener bgt",
    "semangat {h} 💪",
    "aamiin ya rabbal alamin 🤲",
    "ikut berduka cita {h}, semoga husnul khotimah 🙏",
    "keren bgt, kpn2 ajak dong",
    "lokasi dimana {h}?",
    "wah baru tau aku",
    "hati2 di jalan {h}",
    "sehat selalu {h} sekeluarga",
    "ngiler liatnya 🤤",
    "gak nyangka udah gede aja",
    "sama {h}, di tempatku jg gitu",
    "cepet sembuh ya {h} 🙏",
    "selamat ya {h}, barakallah",
];
const GREETINGS: &[&str] = &[
    "Selamat Hari Raya Idul Fitri 1445 H, mohon maaf lahir dan batin 🙏✨",
    "Marhaban ya Ramadhan, selamat menunaikan ibadah puasa bagi yg menjalankan 🌙",
    "Jumat berkah, jangan lupa sedekah subuh ya teman2 🤲",
    "Selamat Hari Natal 2024, damai di bumi damai di hati 🎄",
    "Selamat Tahun Baru Imlek, Gong Xi Fa Cai 🧧",
    "Selamat Hari Raya Nyepi Tahun Baru Saka, rahajeng 🙏",
    "Selamat Idul Adha 1445 H, semoga qurban kita diterima 🐐",
    "Selamat Hari Waisak, semoga semua makhluk berbahagia 🪷",
    "Selamat tahun baru Islam 1 Muharram 1446 H 🌙",
    "Selamat Hari Kesaktian Pancasila 🇮🇩",
    "Dirgahayu Republik Indonesia ke-79! Merdeka!! 🇮🇩",
];
const ACCOUNTS: &[(&str, &str)] = &[
    (
        "Kuliner Palembang",
        "Info makanan enak & murah se-Palembang, DM buat endorse",
    ),
    (
        "Info Lalu Lintas Jabodetabek",
        "Update macet, kecelakaan, banjir. Kirim info via DM",
    ),
    (
        "Komunitas Sepeda Santai Bekasi",
        "Gowes tiap Minggu pagi, semua boleh ikut 🚴",
    ),
    (
        "Resep Masakan Rumahan",
        "Resep simpel ala ibu2, praktis dan hemat",
    ),
    (
        "Info CPNS & PPPK 2024",
        "Info formasi, jadwal tes, kisi2 SKD",
    ),
    (
        "Pengajian Ahad Pagi Masjid Agung",
        "Kajian rutin tiap Ahad ba'da subuh",
    ),
    (
        "Jual Beli Motor Bekas Medan",
        "Grup jual beli, no tipu2, COD aja",
    ),
    (
        "Alumni SMAN 1 Angkatan 2005",
        "Silaturahmi alumni, reuni tiap lebaran",
    ),
    (
        "Info Loker Surabaya",
        "Lowongan kerja terbaru Surabaya dan sekitarnya",
    ),
    (
        "Pecinta Kucing Indonesia",
        "Adopsi, tips, dan foto kucing lucu 🐱",
    ),
    (
        "Humas Pemkab",
        "Akun resmi Bagian Prokopim. Informasi kegiatan pemerintah daerah",
    ),
    ("Persib Bandung Fans", "Maung Bandung! Info jadwal & tiket"),
];
const SHARED_INFO: &[&str] = &[
    "Pemadaman listrik bergilir besok pukul 09.00-15.00 untuk wilayah kec. {p}. Mohon maaf atas ketidaknyamanannya.",
    "Dibuka pendaftaran vaksin HPV gratis utk siswi kelas 5 SD di puskesmas terdekat.",
    "Info: pelayanan Disdukcapil buka hari Sabtu khusus perekaman KTP-el pemula.",
    "Jalan {r} ditutup sementara mulai Senin utk perbaikan drainase, silakan cari jalur alternatif.",
    "Lomba kebersihan antar RW dalam rangka HUT kota, hadiah total 50 juta!",
    "Hati-hati modus penipuan mengatasnamakan BKN, tidak ada pungutan apapun dlm seleksi PPPK.",
    "Donor darah massal di halaman kantor bupati hari Kamis, yuk ikut berbagi 🩸",
    "Pasar murah sembako di kantor kecamatan, beras 5kg cuma 55rb, bawa KTP ya.",
];
const TRAPS: &[&str] = &[
    "Alhamdulillah tim voli kantor juara 2 se-kabupaten 🏐✌️",
    "Teman2 jangan lupa besok pake batik ya, ada kunjungan dari provinsi",
    "Lagi promo, pilih paket data yg 30GB aja lebih hemat",
    "Yuk dukung produk lokal, beli kerupuk di UMKM binaan dinas 💪",
    "Buka puasa bareng di Masjid Agung, rame bgt 🕌",
    "Liburan ke Bali, foto dulu ah ✌️😎",
    "Anak2 kelas 2 lagi latihan upacara, lucu bgt 🥹",
    "Nomor antrian 02 di poli gigi, udah nunggu 2 jam 😩",
    "Kami siap menangkan lomba kebersihan tahun ini! Kelurahan juara 🔥",
    "Tim futsal dinas menang 3-1, lanjutkan ke final minggu depan ⚽",
    "Pilih mana: bakso atau mie ayam? 🤔",
];

// ---------------------------------------------------------------- record building

/// One JSON object, written field by field in SPEC order.
struct Rec {
    out: String,
}

impl Rec {
    fn new(id: &str) -> Self {
        let mut out = String::with_capacity(256);
        out.push_str("{\"id\":");
        push_json_str(&mut out, id);
        Rec { out }
    }

    fn str(&mut self, key: &str, val: &str) -> &mut Self {
        self.out.push_str(",\"");
        self.out.push_str(key);
        self.out.push_str("\":");
        push_json_str(&mut self.out, val);
        self
    }

    fn list(&mut self, key: &str, vals: &[String]) -> &mut Self {
        if vals.is_empty() {
            return self;
        }
        self.out.push_str(",\"");
        self.out.push_str(key);
        self.out.push_str("\":[");
        for (i, v) in vals.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            push_json_str(&mut self.out, v);
        }
        self.out.push(']');
        self
    }

    fn actor(&mut self, a: &Actor) -> &mut Self {
        self.out.push_str(",\"actor\":{\"id\":");
        push_json_str(&mut self.out, &a.id);
        if let Some(role) = a.role {
            self.out.push_str(",\"role\":\"");
            self.out.push_str(role);
            self.out.push('"');
        }
        if a.official {
            self.out.push_str(",\"account\":\"official\"");
        } else if a.explicit_personal {
            self.out.push_str(",\"account\":\"personal\"");
        }
        self.out.push('}');
        self
    }

    fn finish(mut self) -> String {
        self.out.push('}');
        self.out
    }
}

/// Appends `s` as a JSON string literal.
fn push_json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

struct Actor {
    id: String,
    role: Option<&'static str>,
    official: bool,
    explicit_personal: bool,
}

/// asn ~55% (a fifth of them with the role left to its default), non_asn
/// ~15%, public ~25%, official institution accounts ~5%.
fn actor(rng: &mut Rng) -> Actor {
    let roll = rng.below(100);
    let explicit_personal = rng.chance(10);
    if roll < 5 {
        return Actor {
            id: format!("{}-{}", rng.pick(OFFICES), rng.range(1, 60)),
            role: Some("asn"),
            official: true,
            explicit_personal: false,
        };
    }
    let (id, role) = if roll < 60 {
        let nip = format!(
            "nip-{}{:02}{:02}-{:04}",
            rng.range(1968, 2000),
            rng.range(1, 12),
            rng.range(1, 28),
            rng.below(10_000)
        );
        (nip, if rng.chance(20) { None } else { Some("asn") })
    } else if roll < 75 {
        (
            format!("honorer-{:05}", rng.below(100_000)),
            Some("non_asn"),
        )
    } else {
        (format!("user{}", rng.below(10_000_000)), Some("public"))
    };
    Actor {
        id,
        role,
        official: false,
        explicit_personal,
    }
}

/// An action name, sometimes spelled with one of its aliases.
fn action_name(rng: &mut Rng, canonical: &'static str) -> &'static str {
    if !rng.chance(8) {
        return canonical;
    }
    match canonical {
        "upload" => "post",
        "share" => rng.word(&["repost", "retweet"]),
        "like" => "react",
        "follow" => "join",
        c => c,
    }
}

/// Fills `{h}` (honorific), `{p}` (place), `{r}` (road) slots.
fn fill(rng: &mut Rng, template: &str) -> String {
    let mut s = template.to_string();
    if s.contains("{h}") {
        s = s.replace("{h}", rng.word(HONOR));
    }
    if s.contains("{p}") {
        s = s.replace(
            "{p}",
            rng.word(&[
                "Ilir Timur",
                "Cibeunying",
                "Tampan",
                "Banyumanik",
                "Lowokwaru",
            ]),
        );
    }
    if s.contains("{r}") {
        s = s.replace("{r}", rng.word(ROADS));
    }
    s
}

/// A short everyday text of the actor's own.
fn everyday_text(rng: &mut Rng) -> String {
    match rng.below(12) {
        0 => format!(
            "Rapat koordinasi {} di {} hari ini. {} {}",
            rng.pick(TOPICS),
            rng.pick(PLACES),
            rng.pick(&[
                "Alhamdulillah lancar.",
                "Mohon doanya semoga hasilnya bermanfaat.",
                "Panjang bgt tp banyak ilmunya.",
                "Snack-nya enak, hehe.",
            ]),
            rng.pick(EMOJI_HAPPY)
        ),
        1 => format!(
            "Lembur lagi ngejar {} {} deadline {} gak bisa ditawar",
            rng.pick(REPORTS),
            rng.pick(EMOJI_TIRED),
            rng.pick(&["besok", "Jumat", "akhir bulan", "jam 12 malem ini"])
        ),
        2 => format!(
            "{} baru bisa {} {} seneng bgt liatnya",
            capitalise(rng.word(KIDS)),
            rng.pick(SKILLS),
            rng.pick(EMOJI_HAPPY)
        ),
        3 => format!(
            "{} di {} enak pol, {}rb doang {}",
            capitalise(rng.word(FOODS)),
            rng.pick(STALLS),
            rng.range(8, 45),
            rng.pick(EMOJI_FOOD)
        ),
        4 => format!(
            "Macet parah di {} gara2 {}, mending lewat jalan lain gaes {}",
            rng.pick(ROADS),
            rng.pick(TRAFFIC_CAUSES),
            rng.pick(&["🚗", "🛵", "😤", "🙏"])
        ),
        5 => rng.pick(GREETINGS).to_string(),
        6 => format!(
            "Liburan tipis2 ke {} bareng keluarga {} {}",
            rng.pick(TRIPS),
            rng.pick(EMOJI_HAPPY),
            rng.pick(&["", "#healing", "kapan2 kesini lagi", "cuaca cerah bgt"])
        )
        .trim_end()
        .to_string(),
        7 => rng.pick(TRAPS).to_string(),
        8 => format!(
            "Apel pagi {} hadir lengkap. {} {}",
            rng.pick(&["Senin", "gabungan", "kesadaran nasional", "HUT Korpri"]),
            rng.pick(&[
                "Semangat melayani masyarakat!",
                "Cuaca panas tp tetep semangat.",
                "Yg telat push up 10x wkwk.",
            ]),
            rng.pick(EMOJI_HAPPY)
        ),
        9 => format!(
            "Gak kerasa udah {} tahun ngabdi di {}, makasih rekan2 semua {}",
            rng.range(2, 25),
            rng.pick(&["dinas ini", "puskesmas", "sekolah ini", "kecamatan", "RSUD"]),
            rng.pick(&["🙏", "🥹", "❤️"])
        ),
        10 => format!(
            "Hujan dari subuh gak berenti2, {} {}",
            rng.pick(&[
                "jemuran gak kering",
                "anak2 gak bisa main keluar",
                "enaknya makan indomie",
                "jalan depan rumah banjir lagi",
            ]),
            rng.pick(EMOJI_TIRED)
        ),
        _ => format!(
            "Mancing di {} dapet {} ekor, lumayan buat lauk {}",
            rng.pick(&[
                "empang Pak RT",
                "waduk",
                "sungai belakang",
                "kolam pemancingan"
            ]),
            rng.range(2, 15),
            rng.pick(&["🎣", "🐟", "😁"])
        ),
    }
}

/// Casual openers and closers, so that the same template rarely gives the
/// same post twice.
fn decorate(rng: &mut Rng, text: String) -> String {
    const OPEN: &[&str] = &[
        "Alhamdulillah, ",
        "Duh, ",
        "Btw ",
        "Guys, ",
        "Wkwk ",
        "Jujur ",
        "Sumpah ",
        "Akhirnya ",
        "Hmm ",
        "Ya Allah ",
    ];
    const CLOSE: &[&str] = &[
        " wkwk",
        " hehe",
        " 😂",
        " 🤭",
        " gaes",
        " bgt sih",
        " cmiiw",
        " #latepost",
        " 🙏",
        " kan?",
        " yg penting happy",
        " gak sih",
        " btw",
        " dong",
        " 😅",
    ];
    let mut out = String::with_capacity(text.len() + 24);
    if rng.chance(25) {
        out.push_str(rng.word(OPEN));
        let mut c = text.chars();
        if let Some(f) = c.next() {
            out.extend(f.to_lowercase());
            out.push_str(c.as_str());
        }
    } else {
        out.push_str(&text);
    }
    if rng.chance(35) {
        out.push_str(rng.word(CLOSE));
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn everyday_media(rng: &mut Rng) -> Vec<String> {
    if !rng.chance(30) {
        return Vec::new();
    }
    vec![rng
        .pick(&[
            "foto keluarga di pantai, semua tersenyum",
            "foto makanan di meja warung",
            "foto rapat, peserta memakai seragam batik",
            "video pendek anak bermain sepeda",
            "foto jalan macet dari dalam mobil",
            "foto pegawai apel pagi di halaman kantor",
            "foto selfie dua orang, tangan membentuk huruf V",
            "tangkapan layar pengumuman kantor",
        ])
        .to_string()]
}

fn everyday_hashtags(rng: &mut Rng) -> Vec<String> {
    if !rng.chance(15) {
        return Vec::new();
    }
    let pool = [
        "#kuliner",
        "#jumatberkah",
        "#ASNBerAKHLAK",
        "#bangganjadiASN",
        "#infomacet",
        "#healing",
        "keluarga",
        "#latepost",
        "#ramadhan",
        "#pelayananprima",
    ];
    (0..rng.range(1, 3))
        .map(|_| rng.pick(&pool).to_string())
        .collect()
}

struct Fields {
    action: &'static str,
    text: Option<String>,
    target: Option<String>,
    media: Vec<String>,
    hashtags: Vec<String>,
    day: Option<i64>,
}

fn everyday(rng: &mut Rng) -> Fields {
    let roll = rng.below(100);
    let (action, text, target) = if roll < 55 {
        let t = everyday_text(rng);
        ("upload", Some(decorate(rng, t)), None)
    } else if roll < 70 {
        let template = rng.word(COMMENTS);
        let c = fill(rng, template);
        let t = everyday_text(rng);
        ("comment", Some(decorate(rng, c)), Some(decorate(rng, t)))
    } else if roll < 80 {
        let template = rng.word(SHARED_INFO);
        let info = fill(rng, template);
        let text = if rng.chance(60) {
            Some(
                rng.pick(&[
                    "Info penting 👇",
                    "Bantu share ya",
                    "Cek dulu gaes",
                    "Nah ini",
                    "FYI",
                ])
                .to_string(),
            )
        } else {
            None
        };
        ("share", text, Some(info))
    } else if roll < 93 {
        let t = everyday_text(rng);
        ("like", None, Some(decorate(rng, t)))
    } else {
        let (name, bio) = rng.pick(ACCOUNTS);
        ("follow", None, Some(format!("{name} | {bio}")))
    };
    let media = if action == "upload" {
        everyday_media(rng)
    } else {
        Vec::new()
    };
    Fields {
        action,
        text,
        target,
        media,
        hashtags: everyday_hashtags(rng),
        day: None,
    }
}

// ---------------------------------------------------------------- election posts

/// A way of naming a ticket: a full name, an alias, the pair, or the number.
fn ticket_ref(rng: &mut Rng, t: &Tk) -> String {
    let mut options: Vec<String> = Vec::new();
    options.extend(t.aliases.iter().cloned());
    options.extend(t.names.iter().cloned());
    options.extend(t.cand_aliases.iter().cloned());
    if t.names.len() >= 2 {
        options.push(format!("{} - {}", t.names[0], t.names[1]));
    }
    options.push(format!("paslon {:02}", t.number));
    options.push(format!("nomor urut {}", t.number));
    rng.pick(&options).clone()
}

fn first_name(t: &Tk) -> &str {
    t.names.first().map_or("calon", String::as_str)
}

fn gesture_for(n: u32) -> &'static str {
    match n {
        1 => "salam satu jari",
        2 => "salam dua jari",
        3 => "salam tiga jari",
        4 => "salam empat jari",
        _ => "salam lima jari",
    }
}

fn hand_emoji(n: u32) -> &'static str {
    match n {
        1 => "☝️",
        2 => "✌️",
        3 => "🤟",
        _ => "🖐️",
    }
}

fn election(rng: &mut Rng, ctx: &Ctx) -> Fields {
    let t = rng.pick(&ctx.tickets).clone();
    let (s, e) = t.season;
    let day = s + rng.below((e - s + 1).max(1) as usize) as i64;
    let name = ticket_ref(rng, &t);
    let full = first_name(&t).to_string();
    let n = t.number;
    let mut hashtags = Vec::new();
    if !t.hashtags.is_empty() && rng.chance(40) {
        hashtags.push(format!("#{}", rng.pick(&t.hashtags)));
    }
    let slogan = if t.slogans.is_empty() {
        String::new()
    } else {
        format!(" {}!", rng.pick(&t.slogans))
    };
    let f = |action, text: Option<String>, target: Option<String>, media, hashtags| Fields {
        action,
        text,
        target,
        media,
        hashtags,
        day: Some(day),
    };
    match rng.below(14) {
        // support
        0 => f(
            "upload",
            Some(format!(
                "{} {name} {}!{slogan} {}",
                rng.pick(&["Ayo coblos", "Gas pol", "Pokoknya pilih", "Dukung terus", "Siap memenangkan", "Fix coblos"]),
                rng.pick(&["sekali putaran", "sampai menang", "tgl 27 nanti", "jgn lupa", "harga mati"]),
                hand_emoji(n)
            )),
            None,
            Vec::new(),
            hashtags,
        ),
        1 => f(
            "comment",
            Some(format!(
                "{} {name}, {}",
                rng.pick(&["Setuju, lanjutkan", "Mantap, pilihanku tetap", "Insya Allah menang", "Gaspol"]),
                rng.pick(&["pokoknya nomor satu di hati 😍", "jgn kasih kendor 🔥", "2 periode!", "yakin menang"])
            )),
            Some(format!("Suasana {} hari ini, warga antusias sambut {full}", rng.pick(&["pasar", "pengajian", "CFD", "alun2"]))),
            Vec::new(),
            hashtags,
        ),
        // opposition
        2 => f(
            "upload",
            Some(format!(
                "{} {name}, {}",
                rng.pick(&["Jangan pilih", "Tolak", "Jgn sampe menang", "Stop"]),
                rng.pick(&["janjinya cuma omon2", "udah kebukti gak becus", "ingat rekam jejaknya", "kasian rakyat kecil"])
            )),
            None,
            Vec::new(),
            Vec::new(),
        ),
        // campaign material: like / share of a flyer or programme
        3 => f(
            "like",
            None,
            Some(format!(
                "{} {name} nomor urut {n} untuk {}: {}{slogan}",
                rng.pick(&["Visi misi", "Program unggulan", "Flyer kampanye", "Jadwal kampanye"]),
                t.region,
                rng.pick(&["sekolah gratis sampai SMA", "berobat cukup pakai KTP", "lapangan kerja utk anak muda", "jalan mulus sampai desa"])
            )),
            Vec::new(),
            hashtags,
        ),
        4 => f(
            "share",
            if rng.chance(50) { Some(rng.pick(&["Bagikan!", "Ini baru pemimpin", "Keren programnya", "Simak baik2"]).to_string()) } else { None },
            Some(format!("Kampanye akbar {name} di lapangan {}, {}. Ayo hadir, ada doorprize & hiburan rakyat!", rng.pick(&["Merdeka", "Kalpataru", "Bhayangkara"]), rng.pick(&["Minggu pagi", "Sabtu sore", "besok jam 9"]))),
            Vec::new(),
            hashtags,
        ),
        // photo with gesture (B4)
        5 => f(
            "upload",
            Some(rng.pick(&["Silaturahmi sore ini 🙏", "Kebetulan ketemu di acara", "Alhamdulillah", "Sowan dulu"]).to_string()),
            None,
            vec![format!(
                "foto bersama {} {full}, pose {}{}",
                rng.pick(&["calon", "cagub", "cabup", "paslon"]),
                gesture_for(n).trim_start_matches("salam "),
                if rng.chance(40) { ", memakai kaos paslon" } else { "" }
            )],
            Vec::new(),
        ),
        // follow a campaign group (B5)
        6 => f(
            "follow",
            None,
            Some(format!(
                "{} {name} {} | {}",
                rng.pick(&["Relawan", "Simpatisan", "Posko Pemenangan", "Tim Pemenangan"]),
                t.region,
                rng.pick(&["Bersatu menangkan paslon kita", "Gabung utk info kegiatan", "Satu komando satu tujuan"])
            )),
            Vec::new(),
            Vec::new(),
        ),
        // KTP collection / declaring a role (B6, B7)
        7 => f(
            "upload",
            Some(if rng.chance(50) {
                format!("Yg belum setor fotokopi KTP utk surat dukungan {name} paling lambat {} ya", rng.pick(&["Jumat", "besok", "minggu ini"]))
            } else {
                format!("Bismillah resmi jd {} {name} di kecamatan {}", rng.pick(&["relawan", "tim pemenangan", "koordinator relawan"]), rng.pick(&["💪", "🔥", "🙏"]))
            }),
            None,
            Vec::new(),
            Vec::new(),
        ),
        // neutrality reminders (C1)
        8 => f(
            rng.word(&["upload", "share"]),
            Some(rng.pick(&[
                "ASN dilarang like, komen dan share postingan paslon manapun ya rekan2. Jaga netralitas!",
                "Pengingat: ASN wajib netral di Pilkada. Jangan foto pose jari sama calon, jangan ikut kampanye.",
                "Dibaca ya, biar gak kena sanksi disiplin 🙏",
            ]).to_string()),
            if rng.chance(50) {
                Some(format!("Surat edaran: ASN dan non-ASN di lingkungan Pemda dilarang mendukung pasangan calon {} melalui media sosial. Pelanggaran dilaporkan ke BKPSDM dan Bawaslu.", t.race))
            } else {
                None
            },
            Vec::new(),
            vec!["#NetralitasASN".to_string()],
        ),
        // participation (C2)
        9 => f(
            "upload",
            Some(format!(
                "Jangan lupa {} datang ke TPS ya! Gunakan hak pilihmu, siapa pun pilihannya. Jangan golput 🗳️",
                t.voting_day
            )),
            None,
            Vec::new(),
            vec!["#AyoMemilih".to_string()],
        ),
        // news about a candidate (R1)
        10 => f(
            rng.word(&["share", "like"]),
            None,
            Some(format!(
                "{full} {} di {}, {}",
                rng.pick(&["meninjau pasar tradisional", "menghadiri pengajian akbar", "mengunjungi korban banjir", "berdialog dgn petani"]),
                t.region,
                rng.pick(&["didampingi tim", "menurut keterangan panitia", "dikutip dari media lokal"])
            )),
            Vec::new(),
            Vec::new(),
        ),
        // bare hand sign / number (R3)
        11 => f(
            "upload",
            Some(format!("{} {}", hand_emoji(n), rng.pick(&["pokoknya", "yg itu lah 😉", "udh tau kan", ""])).trim_end().to_string()),
            None,
            Vec::new(),
            Vec::new(),
        ),
        // unidentified support (R2)
        12 => f(
            "comment",
            Some(rng.pick(&[
                "Semoga pilihan kita sama ya, yg peduli guru honorer 😉",
                "Pokoknya pilih yg bener2 kerja, kalian tau lah siapa",
                "Aku sih udah mantap sama pilihanku, gak usah ditanya 🤭",
            ]).to_string()),
            Some(format!("{} tinggal seminggu lagi", t.race)),
            Vec::new(),
            Vec::new(),
        ),
        // hashtag-only support
        _ => f(
            "upload",
            Some(format!("{} 🔥", rng.pick(&["Bismillah", "Yakin", "Gas", "Satu tujuan"]))),
            None,
            Vec::new(),
            if t.hashtags.is_empty() {
                vec![format!("#{}", name.replace([' ', '-'], ""))]
            } else {
                vec![format!("#{}", rng.pick(&t.hashtags))]
            },
        ),
    }
}

// ---------------------------------------------------------------- long texts

const NEWS_OPENERS: &[&str] = &[
    "{R} - Pemerintah daerah terus mempercepat pembangunan infrastruktur jalan di wilayah pedesaan.",
    "{R} - Dinas Kesehatan mencatat penurunan angka stunting sepanjang semester pertama tahun ini.",
    "{R} - Ratusan warga memadati halaman kantor bupati untuk mengikuti pasar murah jelang hari raya.",
    "{R} - Komisi Pemilihan Umum (KPU) setempat mulai mendistribusikan logistik pemilihan ke kecamatan.",
    "{R} - Badan Pengawas Pemilu (Bawaslu) mengingatkan seluruh ASN untuk menjaga netralitas selama tahapan pemilihan.",
    "{R} - Debat publik pasangan calon berlangsung di gedung serbaguna dan disiarkan langsung televisi lokal.",
];
const NEWS_SENTENCES: &[&str] = &[
    "Menurut kepala dinas, anggaran yang digunakan berasal dari dana alokasi khusus tahun berjalan.",
    "Pekerjaan ditargetkan selesai sebelum akhir tahun anggaran, sehingga warga bisa segera merasakan manfaatnya.",
    "Warga menyambut baik program tersebut, meski sebagian masih mengeluhkan kondisi jalan di dusun terpencil.",
    "Dalam keterangannya kepada wartawan, ia menyebut koordinasi lintas sektor menjadi kunci keberhasilan.",
    "Sebanyak {N} petugas dikerahkan untuk memastikan kegiatan berjalan tertib dan aman.",
    "Data yang dihimpun menunjukkan kenaikan {N} persen dibandingkan periode yang sama tahun lalu.",
    "Pihaknya juga membuka posko pengaduan bagi masyarakat yang menemukan kendala di lapangan.",
    "Kegiatan ini melibatkan perangkat desa, tokoh agama, dan unsur Forkopimda.",
    "KPU memastikan surat suara telah dicetak sesuai jumlah DPT ditambah cadangan dua persen.",
    "Bawaslu membuka kanal pelaporan bagi warga yang menemukan dugaan pelanggaran, termasuk pelanggaran netralitas ASN.",
    "ASN yang terbukti memberikan like, komentar atau membagikan konten pasangan calon dapat dijatuhi sanksi disiplin.",
    "Hari pemungutan suara ditetapkan sebagai hari libur agar masyarakat dapat menggunakan hak pilihnya.",
    "Masing-masing pasangan calon diberi waktu dua menit untuk menyampaikan visi dan misi di hadapan panelis.",
    "Pengamat menilai partisipasi pemilih pemula akan sangat menentukan hasil akhir pemilihan.",
    "Harga cabai merah di pasar tradisional turun menjadi Rp{N} ribu per kilogram setelah panen raya.",
    "Pemerintah daerah juga menyiapkan beasiswa bagi {N} pelajar berprestasi dari keluarga kurang mampu.",
    "Ia berharap seluruh pihak menjaga suasana tetap kondusif dan tidak mudah terprovokasi berita bohong.",
    "Kegiatan ditutup dengan doa bersama dan pemberian santunan kepada anak yatim.",
    "Sejumlah ruas jalan sempat tergenang setelah hujan deras mengguyur sejak sore hari.",
    "Camat setempat meminta ketua RT dan RW aktif mendata warga yang belum memiliki KTP elektronik.",
    "Sekretaris daerah menegaskan pelayanan publik tidak boleh terganggu oleh agenda politik apa pun.",
    "Selain itu, petugas kebersihan ditambah untuk mengantisipasi lonjakan sampah di pusat keramaian.",
    "Rapat evaluasi akan digelar setiap bulan untuk memantau capaian target kinerja perangkat daerah.",
    "Dinas Perhubungan memasang rambu sementara dan mengerahkan petugas untuk mengatur arus lalu lintas.",
];

/// A news-like text of roughly `min..=max` bytes (whole sentences).
pub fn news_text(rng: &mut Rng, min: usize, max: usize) -> String {
    let region = rng
        .pick(&[
            "PALEMBANG",
            "BENGKULU",
            "PEKANBARU",
            "SURABAYA",
            "SEMARANG",
            "BANDUNG",
            "JAKARTA",
            "TOBOALI",
            "LEBONG",
            "PRABUMULIH",
        ])
        .to_string();
    let target = rng.range(min, max);
    let mut s = rng.pick(NEWS_OPENERS).replace("{R}", &region);
    // sentences without repetition, in a random order (Fisher–Yates)
    let mut order: Vec<usize> = (0..NEWS_SENTENCES.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    for (k, &i) in order.iter().enumerate() {
        let next = NEWS_SENTENCES[i].replace("{N}", &rng.range(3, 250).to_string());
        if s.len() + 2 + next.len() > max {
            break;
        }
        s.push_str(if k % 3 == 2 { "\n\n" } else { " " });
        s.push_str(&next);
        if s.len() >= target {
            break;
        }
    }
    s
}

/// A long personal status (a diary-like post made of everyday lines) of
/// roughly `min..=max` bytes.
pub fn diary_text(rng: &mut Rng, min: usize, max: usize) -> String {
    let target = rng.range(min, max);
    let mut s = String::new();
    for _ in 0..200 {
        let t = everyday_text(rng);
        let next = decorate(rng, t);
        if s.len() + 1 + next.len() > max {
            continue;
        }
        if !s.is_empty() {
            s.push_str(if rng.chance(30) { "\n" } else { " " });
        }
        s.push_str(&next);
        if s.len() >= target {
            break;
        }
    }
    s
}

fn long(rng: &mut Rng, ctx: &Ctx) -> Fields {
    let mut body = news_text(rng, 400, 2000);
    let mut day = None;
    // A third of the long texts concern a candidate: a mention, or a
    // partisan closing line an ASN added when forwarding.
    if rng.chance(33) {
        let t = rng.pick(&ctx.tickets).clone();
        let (s, e) = t.season;
        day = Some(s + rng.below((e - s + 1).max(1) as usize) as i64);
        let tail = if rng.chance(50) {
            format!(
                " Calon {} hadir dan menyampaikan sambutan singkat.",
                t.names.join(" dan ")
            )
        } else {
            format!(
                " Pokoknya coblos {} nomor {}!",
                ticket_ref(rng, &t),
                t.number
            )
        };
        if body.len() + tail.len() <= 2000 {
            body.push_str(&tail);
        }
    }
    let (action, text, target) = match rng.below(4) {
        0 => ("upload", Some(body), None),
        1 => (
            "share",
            Some(
                rng.pick(&["Baca sampai habis", "Info", "👇👇", "Semoga bermanfaat"])
                    .to_string(),
            ),
            Some(body),
        ),
        2 => ("like", None, Some(body)),
        _ => (
            "comment",
            Some(
                rng.pick(&["Terima kasih infonya", "Mantap pak", "Semoga lancar 🙏"])
                    .to_string(),
            ),
            Some(body),
        ),
    };
    Fields {
        action,
        text,
        target,
        media: Vec::new(),
        hashtags: Vec::new(),
        day,
    }
}

/// Mostly media, hashtags or emoji; sometimes nothing at all.
fn sparse(rng: &mut Rng) -> Fields {
    let (text, media, hashtags) = match rng.below(5) {
        0 => (
            None,
            everyday_media(rng)
                .into_iter()
                .chain(["foto pemandangan sawah"].map(String::from))
                .collect(),
            Vec::new(),
        ),
        1 => (
            Some(
                rng.pick(&["🙏🙏", "😂😂😂", "❤️", "🔥🔥", "👍"])
                    .to_string(),
            ),
            Vec::new(),
            Vec::new(),
        ),
        2 => (
            None,
            Vec::new(),
            vec!["#ASNBerAKHLAK".to_string(), "bangganjadiASN".to_string()],
        ),
        3 => (Some(String::new()), Vec::new(), Vec::new()),
        _ => (None, Vec::new(), Vec::new()),
    };
    Fields {
        action: "upload",
        text,
        target: None,
        media,
        hashtags,
        day: None,
    }
}

fn record(ctx: &Ctx, seed: u64, index: usize) -> String {
    let mut rng = Rng::for_record(seed, index as u64);
    let roll = rng.below(100);
    let f = if roll < 70 {
        everyday(&mut rng)
    } else if roll < 85 {
        election(&mut rng, ctx)
    } else if roll < 95 {
        long(&mut rng, ctx)
    } else {
        sparse(&mut rng)
    };
    let actor = actor(&mut rng);
    let mut r = Rec::new(&format!("gen-{seed:x}-{index:07}"));
    // "upload" is the default: leave it out now and then, as callers do.
    if f.action != "upload" || rng.chance(85) {
        r.str("action", action_name(&mut rng, f.action));
    }
    if let Some(t) = &f.text {
        r.str("text", t);
    }
    if let Some(t) = &f.target {
        r.str("target", t);
    }
    r.list("media", &f.media).list("hashtags", &f.hashtags);
    r.actor(&actor);
    let day = f.day.unwrap_or_else(|| any_day(&mut rng));
    if rng.chance(97) {
        r.str("created_at", &timestamp(&mut rng, day));
    }
    if rng.chance(95) {
        r.str("platform", rng.word(PLATFORMS));
    }
    r.finish()
}

/// `n` JSONL lines (without newline), deterministic in `(n, seed)`.
pub fn generate(n: usize, seed: u64) -> Vec<String> {
    let ctx = Ctx::new();
    (0..n).map(|i| record(&ctx, seed, i)).collect()
}

/// Writes `n` JSONL lines to `w`, one record at a time.
pub fn write_dump<W: Write>(w: W, n: usize, seed: u64) -> io::Result<()> {
    let ctx = Ctx::new();
    let mut w = io::BufWriter::with_capacity(1 << 16, w);
    for i in 0..n {
        w.write_all(record(&ctx, seed, i).as_bytes())?;
        w.write_all(b"\n")?;
    }
    w.flush()
}

// ---------------------------------------------------------------- national registry

const GIVEN: &[&str] = &[
    "Ahmad",
    "Budi",
    "Citra",
    "Dewi",
    "Eko",
    "Fajar",
    "Gita",
    "Hendra",
    "Indah",
    "Joko",
    "Kurnia",
    "Lestari",
    "Muhammad",
    "Nur",
    "Oktaviani",
    "Putu",
    "Rizki",
    "Sri",
    "Teguh",
    "Umar",
    "Wahyu",
    "Yusuf",
    "Zainal",
    "Agus",
    "Bambang",
    "Dedi",
    "Endang",
    "Firmansyah",
    "Hadi",
    "Irwan",
    "Kadek",
    "Lukman",
    "Made",
    "Nyoman",
    "Rahmat",
    "Slamet",
    "Taufik",
    "Wayan",
    "Yanti",
    "Arief",
    "Bayu",
    "Dian",
    "Erlangga",
    "Ferry",
    "Gunawan",
    "Herlina",
    "Ismail",
    "Jamal",
];
const SURNAMES: &[&str] = &[
    "Siregar",
    "Harahap",
    "Nasution",
    "Lubis",
    "Simanjuntak",
    "Wibowo",
    "Santoso",
    "Saputra",
    "Hidayat",
    "Kusuma",
    "Pratama",
    "Setiawan",
    "Gunadi",
    "Hasibuan",
    "Tanjung",
    "Sinaga",
    "Manurung",
    "Pangaribuan",
    "Rangkuti",
    "Daulay",
    "Syahputra",
    "Wijaya",
    "Purnomo",
    "Sitompul",
    "Situmorang",
    "Ginting",
    "Tarigan",
    "Sembiring",
    "Matondang",
    "Panjaitan",
    "Effendi",
    "Rahman",
    "Hakim",
    "Maulana",
    "Ramadhan",
    "Permana",
    "Suryadi",
    "Hartono",
    "Mahendra",
    "Nugraha",
    "Sasmita",
    "Prasetyo",
    "Yulianto",
    "Firdaus",
    "Anwar",
    "Sulaiman",
];
/// Middle names; empty for the many two-part names.
const MIDDLE: &[&str] = &[
    "", "", "", "", "", "Adi", "Tri", "Dwi", "Eka", "Nur", "Indra", "Putra", "Sari", "Budi",
    "Hari", "Wira", "Surya", "Bagus", "Ayu", "Cahya", "Dharma", "Rizal", "Arya", "Fitri",
    "Puspita", "Jaya", "Eko", "Rahma", "Aditya", "Kartika",
];
const SYLL: &[&str] = &[
    "ka", "ra", "ma", "ba", "lu", "si", "ta", "wa", "ngi", "jo", "pa", "ri", "do", "se", "nu",
    "la", "be", "tu", "mo", "ga", "ha", "ke", "ro", "ya",
];

/// A Pilkada-size registry as TOML text: 37 provinces and 508 regencies and
/// cities (545 elections), 1,600 tickets and 3,200 candidates with invented
/// names, aliases, pair names, acronyms and hashtags. Deterministic in `seed`.
pub fn national_registry_toml(seed: u64) -> String {
    const ELECTIONS: usize = 545;
    const PROVINCES: usize = 37;
    const TICKETS: usize = 1600;
    let mut rng = Rng::new(seed ^ 0x7265_6769_7374_7279); // "registry"
                                                          // two tickets each, then the rest spread at random, at most six
    let mut counts = vec![2usize; ELECTIONS];
    let mut left = TICKETS - 2 * ELECTIONS;
    while left > 0 {
        let i = rng.below(ELECTIONS);
        if counts[i] < 6 {
            counts[i] += 1;
            left -= 1;
        }
    }
    let mut used = std::collections::HashSet::new();
    let mut out = String::with_capacity(1 << 20);
    out.push_str("# Generated: a national Pilkada-size registry with invented names.\n\n");
    for (e, &count) in counts.iter().enumerate() {
        let place: String = {
            let k = rng.range(2, 3);
            let w: String = (0..k).map(|_| rng.word(SYLL)).collect();
            capitalise(&w)
        };
        let (kind, region, title) = if e < PROVINCES {
            ("pilgub", format!("Provinsi {place}"), "Gubernur")
        } else if e % 5 == 0 {
            ("pilwako", format!("Kota {place}"), "Wali Kota")
        } else {
            ("pilbup", format!("Kabupaten {place}"), "Bupati")
        };
        let slug = place.to_lowercase();
        let _ = writeln!(out, "[[elections]]");
        let _ = writeln!(out, "id = \"{kind}-{slug}-{e:03}-2029\"");
        let _ = writeln!(out, "title = \"Pemilihan {title} {place} 2029\"");
        let _ = writeln!(out, "region = \"{region}\"");
        let _ = writeln!(out, "voting_day = \"2029-11-28\"");
        let _ = writeln!(out, "confirmed_on = \"2029-09-22\"");
        let _ = writeln!(out, "campaign = [\"2029-09-25\", \"2029-11-24\"]\n");
        for number in 1..=count {
            // full names and ticket aliases are unique across the registry,
            // as they mostly are in a real one; a bare surname is not
            let mut person = || loop {
                let g = rng.word(GIVEN);
                let m = rng.word(MIDDLE);
                let sn = rng.word(SURNAMES);
                let full = if m.is_empty() {
                    format!("{g} {sn}")
                } else {
                    format!("{g} {m} {sn}")
                };
                if used.insert(full.clone()) {
                    return (g, sn, full);
                }
            };
            let (g1, s1, full1) = person();
            let (g2, s2, full2) = person();
            let pair = [
                format!("{s1}-{s2}"),
                format!("{g1}-{s2}"),
                format!("{s1}-{g2}"),
                format!("{g1} {s1}-{s2}"),
                format!("{full1}-{s2}"),
            ]
            .into_iter()
            .find(|a| used.insert(a.to_lowercase()))
            .unwrap_or_else(|| format!("{full1}-{full2}"));
            let mut aliases = vec![pair.clone()];
            let acronym = format!(
                "{}{}",
                s1[..2.min(s1.len())].to_uppercase(),
                s2[..3.min(s2.len())].to_uppercase()
            );
            if used.insert(acronym.to_lowercase()) {
                aliases.push(acronym);
            }
            let tag: String = pair.chars().filter(|c| c.is_alphanumeric()).collect();
            let _ = writeln!(out, "[[elections.tickets]]");
            let _ = writeln!(out, "number = {number}");
            let _ = writeln!(
                out,
                "candidates = [\n  {{ name = \"{full1}\", aliases = [\"{s1}\", \"Pak {s1}\"] }},\n  {{ name = \"{full2}\", aliases = [\"{s2}\"] }},\n]"
            );
            let quoted: Vec<String> = aliases.iter().map(|a| format!("\"{a}\"")).collect();
            let _ = writeln!(out, "aliases = [{}]", quoted.join(", "));
            let _ = writeln!(
                out,
                "hashtags = [\"{tag}2029\", \"Coblos{number:02}{place}\"]\n"
            );
        }
    }
    out
}
