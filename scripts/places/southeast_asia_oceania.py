"""South-East Asia and Oceania (hand-written, public geographic knowledge)."""

PLACES: dict[str, list[str]] = {}
CUES: dict[str, list[str]] = {}

# --- Philippines -------------------------------------------------------------------
PLACES["PHL"] = [
    "Mindanao", "Luzon", "Visayas", "Cebu", "Cebu City", "Davao", "Davao City",
    "Davao del Norte", "Davao del Sur", "Davao Oriental", "Davao de Oro",
    "Zamboanga", "Zamboanga City", "Cagayan de Oro", "Iloilo", "Iloilo City",
    "Bacolod", "Quezon City", "Makati", "Pasig", "Taguig", "Caloocan", "Pasay",
    "Mandaluyong", "Marikina", "Paranaque", "Parañaque", "Las Pinas", "Las Piñas",
    "Muntinlupa", "Navotas", "Malabon", "Tondo", "Metro Manila",
    "Baguio", "Tacloban", "Marawi", "Cotabato", "Cotabato City", "General Santos",
    "Butuan", "Iligan", "Dumaguete", "Puerto Princesa", "Palawan", "Legazpi",
    "Naga City", "Angeles City", "Olongapo", "Subic", "Subic Bay",
    "Batangas", "Cavite", "Bulacan", "Pampanga", "Tarlac",
    "Nueva Ecija", "Pangasinan", "Ilocos Norte", "Ilocos Sur", "La Union",
    "Benguet", "Ifugao", "Quezon province",
    "Bicol", "Albay", "Sorsogon", "Camarines Sur", "Masbate", "Samar", "Leyte",
    "Eastern Samar", "Northern Samar", "Bohol", "Negros Occidental",
    "Negros Oriental", "Panay", "Aklan", "Boracay", "Mindoro", "Romblon",
    "Marinduque", "Sulu", "Jolo", "Basilan", "Tawi-Tawi", "Lanao del Sur",
    "Lanao del Norte", "Maguindanao", "Sultan Kudarat", "Bukidnon", "Misamis Oriental",
    "Surigao", "Surigao del Sur", "Agusan", "BARMM", "Bangsamoro",
    "Second Thomas Shoal", "Ayungin Shoal",

]
CUES["PHL"] = ["barangay", "barangays", "dilg", "pnp", "ndrrmc", "comelec",
               "new people's army", "abu sayyaf", "mnlf",
               "sangguniang", "pdea", "lgu", "lgus", "sitio", "purok", "kagawad", "cidg"]

# --- Indonesia, Malaysia, Singapore, Brunei, Timor-Leste -------------------------------
PLACES["IDN"] = [
    "Surabaya", "Bandung", "Medan", "Semarang", "Makassar", "Palembang", "Denpasar",
    "Yogyakarta", "Jogjakarta", "Surakarta", "Malang", "Bogor", "Bekasi",
    "Depok", "Tangerang", "Batam", "Pekanbaru", "Balikpapan", "Samarinda",
    "Pontianak", "Banjarmasin", "Manado", "Kupang", "Ambon", "Jayapura", "Sorong",
    "Merauke", "Timika", "Wamena", "Banda Aceh", "Mataram",
    "Kendari", "Ternate", "Jambi", "Bengkulu", "Lampung", "Bandar Lampung",
    "Aceh", "Papua", "West Papua", "Central Papua", "Highland Papua", "South Papua",
    "Nduga", "Intan Jaya", "Bali", "West Java", "Central Java",
    "East Java", "Sumatra", "North Sumatra", "West Sumatra", "South Sumatra", "Riau",
    "Kalimantan", "East Kalimantan", "West Kalimantan", "Central Kalimantan",
    "Sulawesi", "South Sulawesi", "Central Sulawesi", "North Sulawesi", "Maluku",
    "North Maluku", "Lombok", "Sumba", "Nusa Tenggara", "West Nusa Tenggara",
    "East Nusa Tenggara", "Belitung", "Natuna", "Halmahera", "Morowali",
    "Banten",
]
CUES["IDN"] = ["rupiah", "tni", "polri", "kpk", "bupati",
               "walhi", "pdi-p", "gerindra", "golkar"]
PLACES["MYS"] = [
    "Penang", "George Town", "Johor", "Johor Bahru", "Sabah", "Sarawak", "Kuching",
    "Kota Kinabalu", "Sandakan", "Tawau", "Lahad Datu", "Selangor", "Shah Alam",
    "Petaling Jaya", "Klang", "Ipoh", "Perak", "Kedah", "Kelantan", "Kota Bharu",
    "Terengganu", "Pahang", "Kuantan", "Melaka", "Negeri Sembilan",
    "Seremban", "Perlis", "Labuan", "Miri", "Sibu", "Alor Setar", "Langkawi",
]
CUES["MYS"] = ["ringgit", "umno", "pkr", "macc", "adun", "pakatan harapan",
               "perikatan nasional", "barisan nasional"]
PLACES["SGP"] = ["Jurong", "Tampines", "Changi", "Sentosa", "Punggol",
                 "Pasir Ris", "Bukit Timah"]
PLACES["BRN"] = ["Seria", "Kuala Belait", "Tutong"]
PLACES["TLS"] = ["Baucau", "Oecusse", "Maliana", "Suai", "Los Palos"]

# --- Mainland South-East Asia -----------------------------------------------------------
PLACES["MMR"] = [
    "Yangon", "Rangoon", "Mandalay", "Mawlamyine", "Moulmein", "Pathein",
    "Sittwe", "Myitkyina", "Lashio", "Taunggyi", "Hpa-an", "Loikaw", "Hakha",
    "Monywa", "Magway", "Sagaing", "Myawaddy", "Tachileik", "Kyaukphyu",
    "Maungdaw", "Buthidaung", "Laukkaing", "Hsipaw", "Kyaukme", "Pyin Oo Lwin",
    "Thandwe", "Minbya", "Mrauk-U", "Paletwa", "Dawei", "Myeik", "Bhamo", "Hpakant",
    "Rakhine", "Arakan", "Shan State", "Northern Shan", "Kachin", "Kachin State",
    "Karen State", "Kayah", "Karenni", "Chin State", "Mon State",
    "Tanintharyi", "Ayeyarwady", "Magwe", "Kokang",
]
CUES["MMR"] = ["tatmadaw", "state administration council", "kyat",
               "nld", "usdp", "arakan army", "tnla", "mndaa"]
PLACES["THA"] = [
    "Chiang Mai", "Chiang Rai", "Phuket", "Pattaya", "Hat Yai", "Songkhla", "Pattani", "Yala province",
    "Narathiwat", "Khon Kaen", "Udon Thani", "Nakhon Ratchasima", "Korat",
    "Ubon Ratchathani", "Mae Sot", "Kanchanaburi", "Ayutthaya", "Krabi",
    "Koh Samui", "Surat Thani", "Hua Hin", "Nonthaburi", "Rayong", "Sisaket",
    "Buriram", "Isan",
]
PLACES["KHM"] = ["Siem Reap", "Battambang", "Sihanoukville", "Preah Sihanouk",
                 "Kampot", "Poipet", "Koh Kong", "Preah Vihear", "Oddar Meanchey",
                 "Kampong Cham", "Angkor Wat"]
PLACES["LAO"] = ["Luang Prabang", "Savannakhet", "Pakse", "Vang Vieng"]
PLACES["VNM"] = ["Ho Chi Minh City", "Saigon", "Haiphong", "Hai Phong", "Da Nang",
                 "Danang", "Can Tho", "Cần Thơ", "Nha Trang", "Vung Tau",
                 "Quang Ninh", "Ha Long", "Halong Bay", "Mekong Delta",
                 "Dak Lak", "Binh Duong", "Dong Nai", "Nghe An", "Ha Tinh", "Thanh Hoa",
                 "Lao Cai", "Quang Nam", "Quang Ngai"]

# --- Oceania --------------------------------------------------------------------------
PLACES["AUS"] = [
    "Sydney", "Melbourne", "Brisbane", "Gold Coast", "Hobart",
    "Cairns", "Townsville", "Wollongong", "Geelong",
    "Alice Springs", "Fremantle", "Parramatta", "Bondi", "New South Wales", "NSW",
    "Queensland", "Tasmania",
    "Northern Territory", "Australian Capital Territory", "Pine Gap",
]
CUES["AUS"] = [ "asio",
               ]
PLACES["NZL"] = ["Auckland", "Christchurch", "Dunedin", "Tauranga",
                 "Queenstown", "Rotorua", "Waikato", "Otago",
                 ]
PLACES["PNG"] = ["Lae", "Mount Hagen", "Goroka", "Madang", "Wewak", "Kokopo",
                 "Bougainville", "Arawa", "Southern Highlands",
                 "Western Highlands", "Porgera"]
PLACES["FJI"] = ["Nadi", "Lautoka", "Labasa", "Vanua Levu", "Viti Levu"]
PLACES["SLB"] = ["Guadalcanal", "Malaita", "Auki", "Gizo"]
PLACES["VUT"] = ["Luganville", "Espiritu Santo", "Tanna"]

# --- regional news (session 5): districts and towns missing above --------------------
PLACES["PHL"] += [
    "Abra", "Agusan del Norte", "Agusan del Sur", "Apayao", "Bataan", "Batanes", "Biliran", "Cagayan",
    "Camarines Norte", "Camiguin", "Capiz", "Catanduanes", "Davao Occidental", "Dinagat Islands", "Guimaras",
    "Isabela", "Maguindanao del Norte", "Maguindanao del Sur", "Misamis Occidental", "Mountain Province",
    "Nueva Vizcaya", "Occidental Mindoro", "Oriental Mindoro", "Quezon", "Quirino", "Sarangani", "Siquijor",
    "South Cotabato", "Southern Leyte", "Surigao del Norte", "Zambales", "Zamboanga del Norte",
    "Zamboanga del Sur", "Zamboanga Sibugay", "Tuguegarao", "Ormoc", "Tagbilaran", "Lucena", "Dagupan", "Laoag",
    "Vigan", "Koronadal", "Kidapawan", "Tagum", "Pagadian", "Dipolog", "Ozamiz", "Roxas City", "Calbayog",
    "Catbalogan", "Cabanatuan", "Antipolo", "Himamaylan",
]
