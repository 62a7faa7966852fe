"""Middle East, Turkey, Iran and the Caucasus (hand-written, public geographic knowledge)."""

PLACES: dict[str, list[str]] = {}
CUES: dict[str, list[str]] = {}

PLACES["SYR"] = [
    "Aleppo", "Idlib", "Homs", "Hama", "Raqqa", "Raqqah", "Deir ez-Zor", "Deir ez-Zour",
    "Deir al-Zor", "Deir Ezzor", "Latakia", "Tartus", "Daraa", "Deraa", "Quneitra",
    "Suwayda", "Sweida", "As-Suwayda", "Hasakah", "Al-Hasakah", "Hasaka", "Qamishli",
    "Kobani", "Kobane", "Manbij", "Afrin", "Azaz", "Al-Bab", "Jarabulus", "Tal Abyad",
    "Ras al-Ain", "Ras al-Ayn", "Palmyra", "Tadmur", "Douma", "Eastern Ghouta", "Ghouta",
    "Jobar", "Harasta", "Darayya", "Zabadani", "Qusayr", "Yarmouk", "Maarat al-Numan",
    "Saraqeb", "Jisr al-Shughur", "Khan Sheikhoun", "Abu Kamal", "Albukamal",
    "Al-Mayadeen", "Mayadin", "Al-Hol", "al-Hol", "Al-Tanf", "Tanf", "Baniyas",
    "Jableh", "Qardaha", "Rojava", "Golan Heights", "Golan",
]
PLACES["IRQ"] = [
    "Mosul", "Basra", "Basrah", "Kirkuk", "Sulaymaniyah", "Sulaimaniyah", "Duhok",
    "Dohuk", "Halabja", "Najaf", "Karbala", "Kerbala", "Nasiriyah", "Amarah",
    "Kut", "Hillah", "Diwaniyah", "Samawah", "Ramadi", "Fallujah", "Falluja", "Tikrit",
    "Samarra", "Baqubah", "Baquba", "Haditha", "Al-Qaim", "Sinjar", "Tal Afar",
    "Tel Afar", "Qayyarah", "Hawija", "Tuz Khurmatu", "Makhmour", "Zakho", "Kufa",
    "Umm Qasr", "Abu Ghraib", "Taji", "Jurf al-Sakhar", "Ain al-Asad",
    "Anbar", "Nineveh", "Ninawa", "Salahuddin", "Salah al-Din", "Diyala", "Babil",
    "Wasit", "Maysan", "Dhi Qar", "Muthanna", "Qadisiyah", "Iraqi Kurdistan",
    "Kurdistan Region", "Sadr City",
]
CUES["IRQ"] = ["krg", "peshmerga", "popular mobilization forces", "hashd al-shaabi", "pmf"]
PLACES["PSE"] = [
    "West Bank", "Gaza", "Gaza Strip", "Gaza City", "Khan Younis", "Khan Yunis",
    "Rafah", "Deir al-Balah", "Deir el-Balah", "Jabalia", "Jabaliya", "Beit Lahia",
    "Beit Hanoun", "Nuseirat", "Bureij", "Maghazi", "Shujaiya", "Shejaiya", "Zeitoun",
    "Al-Mawasi", "Mawasi", "Netzarim Corridor", "Philadelphi Corridor", "Jenin",
    "Nablus", "Hebron", "Al-Khalil", "Bethlehem", "Jericho", "Tulkarm", "Tulkarem",
    "Qalqilya", "Qalqiliya", "Salfit", "Beit Jala", "Beit Sahour", "Huwara",
    "Hawara", "Balata", "Nur Shams", "Silwan", "Sheikh Jarrah", "East Jerusalem",
    "Jordan Valley", "Masafer Yatta", "Al-Bireh", "Turmus Ayya", "Sinjil",
]
PLACES["ISR"] = [
    "Haifa", "Eilat", "Beersheba", "Be'er Sheva", "Ashdod", "Ashkelon", "Sderot",
    "Netanya", "Herzliya", "Rishon LeZion", "Petah Tikva", "Holon", "Bnei Brak",
    "Ramat Gan", "Nazareth", "Tiberias", "Safed", "Akko", "Nahariya",
    "Kiryat Shmona", "Metula", "Dimona", "Ben Gurion Airport", "Negev", "Galilee",
    "Upper Galilee", "Western Galilee", "Kfar Aza", "Be'eri", "Nir Oz", "Re'im",
    "Ofakim", "Netivot", "Hadera", "Rehovot", "Lod", "Ramla", "Jaffa", "Umm al-Fahm",
    "Rahat", "Karmiel", "Kiryat Gat",
]
CUES["ISR"] = ["knesset", "idf", "shin bet", "likud", "mossad", "shekels"]
PLACES["LBN"] = [
    "Sidon", "Saida", "Baalbek", "Zahle", "Nabatieh",
    "Bint Jbeil", "Marjayoun", "Khiam", "Naqoura", "Dahiyeh", "Dahieh", "Beqaa",
    "Bekaa", "Bekaa Valley", "South Lebanon", "Hermel", "Jounieh", "Byblos", "Jbeil",
    "Akkar", "Ain al-Hilweh", "Litani", "Chouf", "Shebaa Farms",
]
PLACES["JOR"] = ["Zarqa", "Irbid", "Aqaba", "Mafraq", "Zaatari", "Karak", "Ma'an",
                 "Jerash", "Madaba", "Ruwaished", "Rukban"]
PLACES["YEM"] = [
    "Hodeidah", "Hudaydah", "Taiz", "Ta'izz", "Marib", "Ma'rib", "Mukalla", "Saada",
    "Sa'dah", "Ibb", "Dhamar", "Hajjah", "Shabwa", "Shabwah", "Abyan",
    "Lahj", "Hadramout", "Hadramawt", "Hadhramaut", "Al-Mahra", "Mahra", "Socotra",
    "Mokha", "Ras Isa", "Bab el-Mandeb", "Dhale", "Al-Dhale", "Amran",
    "Al Jawf", "Zinjibar", "Seiyun", "Perim",
]
CUES["YEM"] = ["houthi", "houthis", "ansar allah", "southern transitional council"]
PLACES["SAU"] = ["Jeddah", "Jiddah", "Mecca", "Makkah", "Medina", "Madinah", "Dammam",
                 "Dhahran", "Khobar", "Al-Khobar", "Taif", "Tabuk", "Abha", "Jizan",
                 "Jazan", "Najran", "Qatif", "Awamiyah", "Buraidah", "Yanbu",
                 "Jubail", "Khamis Mushait", "NEOM", "Asir", "Qassim",
                 "Ras Tanura", "Abqaiq"]
PLACES["ARE"] = ["Dubai", "Sharjah", "Ajman", "Ras Al Khaimah", "Fujairah",
                 "Umm Al Quwain", "Al Ain", "Jebel Ali"]
PLACES["QAT"] = ["Al Udeid", "Lusail", "Al Wakrah", "Ras Laffan"]
PLACES["KWT"] = ["Jahra", "Ahmadi", "Failaka"]
PLACES["BHR"] = ["Muharraq", "Riffa", "Sitra", "Isa Town"]
PLACES["OMN"] = ["Salalah", "Sohar", "Duqm", "Nizwa", "Musandam", "Dhofar", "Khasab"]
PLACES["TUR"] = [
    "Istanbul", "Izmir", "İzmir", "Bursa", "Antalya", "Adana", "Gaziantep", "Konya",
    "Mersin", "Diyarbakir", "Diyarbakır", "Kayseri", "Eskisehir", "Eskişehir",
    "Sanliurfa", "Şanlıurfa", "Urfa", "Malatya", "Kahramanmaras", "Kahramanmaraş",
    "Hatay", "Antakya", "Iskenderun", "İskenderun", "Adiyaman", "Adıyaman", "Trabzon",
    "Samsun", "Erzurum", "Mardin", "Sirnak", "Şırnak", "Hakkari",
    "Cizre", "Nusaybin", "Kilis", "Bodrum", "Incirlik", "İncirlik", "Edirne",
    "Canakkale", "Çanakkale", "Tunceli", "Bingol", "Bingöl", "Muş", "Igdir",
    "Kocaeli", "Izmit", "Sakarya", "Denizli", "Elazig", "Elazığ", "Anatolia",
    "Bosporus", "Bosphorus", "Taksim",
]
CUES["TUR"] = ["akp", "ak party", "mhp", "hdp", "dem party", "pkk"]
PLACES["IRN"] = [
    "Mashhad", "Isfahan", "Esfahan", "Shiraz", "Tabriz", "Qom", "Ahvaz", "Ahwaz",
    "Kermanshah", "Karaj", "Rasht", "Zahedan", "Kerman", "Yazd", "Hamadan",
    "Bandar Abbas", "Bushehr", "Urmia", "Sanandaj", "Ardabil", "Zanjan", "Khorramabad",
    "Bojnurd", "Gorgan", "Semnan", "Birjand", "Chabahar", "Abadan",
    "Khorramshahr", "Mahabad", "Saqqez", "Natanz", "Fordow", "Parchin", "Isfahan province",
    "Khuzestan", "Sistan and Baluchestan", "Sistan-Baluchestan", "Kurdistan province",
    "Mazandaran", "Gilan", "Golestan", "Khorasan", "Razavi Khorasan", "Lorestan",
    "Fars province", "Hormozgan", "Kish Island", "Kharg Island", "Evin prison",
]
CUES["IRN"] = ["irgc", "basij", "tomans"]
PLACES["ARM"] = ["Gyumri", "Vanadzor", "Syunik", "Tavush", "Goris", "Kapan",
                 "Jermuk", "Ararat province"]
PLACES["AZE"] = [ "Sumgait", "Sumqayit", "Nakhchivan", "Nagorno-Karabakh",
                 "Karabakh", "Stepanakert", "Khankendi", "Shusha", "Shushi", "Lachin",
                 "Agdam", "Fuzuli", "Kalbajar"]
PLACES["GEO"] = ["Batumi", "Kutaisi", "Rustavi", "Zugdidi", "Abkhazia",
                 "Sukhumi", "South Ossetia", "Tskhinvali", "Adjara", "Pankisi"]

# --- Central Asia -----------------------------------------------------------------------
PLACES["KAZ"] = ["Almaty", "Shymkent", "Karaganda", "Aktobe", "Atyrau", "Aktau",
                 "Pavlodar", "Oskemen", "Semey", "Kyzylorda", "Taraz", "Zhanaozen",
                 "Baikonur", "Kostanay", "Petropavl", "Uralsk"]
PLACES["UZB"] = ["Samarkand", "Bukhara", "Andijan", "Namangan", "Fergana", "Ferghana",
                 "Nukus", "Karakalpakstan", "Termez", "Khiva", "Kokand", "Qarshi"]
PLACES["KGZ"] = ["Osh", "Jalal-Abad", "Batken", "Karakol", "Naryn", "Talas", "Tokmok"]
PLACES["TJK"] = ["Khujand", "Kulob", "Bokhtar", "Khorog", "Gorno-Badakhshan", "Sughd",
                 "Isfara", "Rasht Valley"]
PLACES["TKM"] = ["Turkmenabat", "Dashoguz", "Balkanabat", "Turkmenbashi"]
