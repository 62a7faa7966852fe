"""South Asia: sub-national regions and non-capital cities (hand-written, public geographic knowledge)."""

PLACES: dict[str, list[str]] = {}
CUES: dict[str, list[str]] = {}

# --- India: states and union territories ---------------------------------------
PLACES["IND"] = [
    "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa",
    "Gujarat", "Haryana", "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala",
    "Madhya Pradesh", "Maharashtra", "Manipur", "Meghalaya", "Mizoram", "Nagaland",
    "Odisha", "Orissa", "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana", "Tripura",
    "Uttar Pradesh", "Uttarakhand", "Uttaranchal", "West Bengal",
    "Andaman and Nicobar Islands", "Andaman and Nicobar", "Chandigarh",
    "Dadra and Nagar Haveli", "Daman and Diu", "Delhi", "Jammu and Kashmir",
    "Jammu & Kashmir", "Ladakh", "Lakshadweep", "Puducherry", "Pondicherry",
    "Leh", "Kargil",
]

# --- India: cities, towns and district headquarters common in regional news ------
PLACES["IND"] += [
    # north
    "Lucknow", "Kanpur", "Agra", "Meerut", "Varanasi", "Benares", "Prayagraj", "Allahabad",
    "Gorakhpur", "Bareilly", "Aligarh", "Moradabad", "Saharanpur", "Jhansi", "Mathura",
    "Ayodhya", "Faizabad", "Noida", "Greater Noida", "Ghaziabad", "Muzaffarnagar",
    "Shahjahanpur", "Rampur", "Firozabad", "Etawah", "Sitapur", "Lakhimpur Kheri",
    "Unnao", "Hathras", "Bulandshahr", "Azamgarh", "Ballia", "Mirzapur", "Sultanpur",
    "Amethi", "Rae Bareli", "Raebareli", "Pratapgarh", "Hardoi", "Bahraich",
    "Gonda", "Basti", "Deoria", "Kushinagar", "Jaunpur", "Ghazipur", "Barabanki",
    "Dehradun", "Haridwar", "Rishikesh", "Nainital", "Haldwani", "Roorkee", "Almora",
    "Shimla", "Dharamshala", "Dharamsala", "Manali", "Kullu", "Mandi", "Solan",
    "Gurugram", "Gurgaon", "Faridabad", "Panipat", "Sonipat", "Rohtak", "Hisar",
    "Karnal", "Ambala", "Panchkula", "Kurukshetra", "Yamunanagar", "Bhiwani", "Jind",
    "Sirsa", "Rewari", "Mewat",
    "Ludhiana", "Amritsar", "Jalandhar", "Patiala", "Bathinda", "Mohali", "Pathankot",
    "Ferozepur", "Firozpur", "Hoshiarpur", "Sangrur", "Moga", "Gurdaspur", "Tarn Taran",
    "Jammu", "Srinagar", "Anantnag", "Baramulla", "Pulwama", "Shopian", "Kupwara",
    "Kathua", "Udhampur", "Rajouri", "Poonch", "Kulgam", "Sopore", "Ganderbal", "Doda",
    "Kishtwar", "Budgam", "Bandipora",
    # west
    "Jaipur", "Jodhpur", "Udaipur", "Kota", "Ajmer", "Bikaner", "Alwar", "Bhilwara",
    "Sikar", "Barmer", "Jaisalmer", "Bharatpur", "Tonk", "Chittorgarh", "Sri Ganganagar",
    "Ahmedabad", "Surat", "Vadodara", "Baroda", "Rajkot", "Gandhinagar", "Bhavnagar",
    "Jamnagar", "Junagadh", "Kutch", "Morbi", "Bharuch", "Godhra", "Mehsana",
    "Mumbai", "Bombay", "Pune", "Poona", "Nagpur", "Nashik", "Thane", "Navi Mumbai",
    "Aurangabad", "Chhatrapati Sambhajinagar", "Solapur", "Kolhapur", "Amravati",
    "Nanded", "Sangli", "Satara", "Latur", "Jalgaon", "Akola", "Ahmednagar", "Beed",
    "Chandrapur", "Gadchiroli", "Palghar", "Raigad", "Ratnagiri", "Kalyan", "Bhiwandi",
    "Panaji", "Margao", "Vasco da Gama",
    # centre
    "Bhopal", "Indore", "Gwalior", "Jabalpur", "Ujjain", "Rewa", "Satna",
    "Ratlam", "Mandsaur", "Chhindwara", "Khandwa", "Vidisha", "Dewas", "Morena",
    "Shivpuri", "Katni", "Betul",
    "Raipur", "Bilaspur", "Durg", "Bhilai", "Bastar", "Jagdalpur", "Dantewada",
    "Sukma", "Bijapur", "Korba", "Rajnandgaon", "Narayanpur", "Kanker",
]
PLACES["IND"] += [
    # east and north-east
    "Patna", "Gaya", "Bodh Gaya", "Muzaffarpur", "Bhagalpur", "Darbhanga", "Purnia",
    "Begusarai", "Nalanda", "Bihar Sharif", "Samastipur", "Sitamarhi", "Motihari",
    "Champaran", "Chhapra", "Siwan", "Gopalganj", "Buxar", "Sasaram", "Arrah",
    "Katihar", "Kishanganj", "Saharsa", "Madhubani", "Nawada", "Jehanabad",
    "Ranchi", "Jamshedpur", "Dhanbad", "Bokaro", "Hazaribagh", "Deoghar", "Giridih",
    "Dumka", "Palamu", "Chaibasa", "Latehar", "Gumla",
    "Kolkata", "Calcutta", "Howrah", "Siliguri", "Darjeeling", "Durgapur", "Asansol",
    "Kharagpur", "Midnapore", "Bardhaman", "Burdwan", "Malda", "Murshidabad",
    "Hooghly", "Jalpaiguri", "Cooch Behar", "Bankura", "Purulia", "Birbhum",
    "Sandeshkhali", "Nandigram", "Singur", "Haldia", "Kalimpong",
    "Bhubaneswar", "Cuttack", "Puri", "Rourkela", "Sambalpur", "Berhampur", "Balasore",
    "Koraput", "Malkangiri", "Kandhamal", "Ganjam", "Keonjhar", "Mayurbhanj",
    "Jajpur", "Paradip",
    "Guwahati", "Dispur", "Dibrugarh", "Silchar", "Jorhat", "Tezpur", "Nagaon",
    "Tinsukia", "Kokrajhar", "Barpeta", "Dhubri", "Goalpara", "Karimganj", "Sivasagar",
    "Lakhimpur", "Cachar", "Bongaigaon",
    "Imphal", "Churachandpur", "Bishnupur", "Thoubal", "Ukhrul", "Moreh", "Jiribam",
    "Kangpokpi", "Senapati", "Tamenglong", "Chandel",
    "Shillong", "Tura", "Jowai", "Aizawl", "Lunglei", "Champhai", "Kohima", "Dimapur",
    "Mokokchung", "Agartala", "Itanagar", "Tawang",
    "Gangtok", "Port Blair", "Kavaratti",
    # south
    "Chennai", "Madras", "Coimbatore", "Madurai", "Tiruchirappalli", "Trichy",
    "Tirunelveli", "Thoothukudi", "Tuticorin", "Vellore",
    "Tiruppur", "Thanjavur", "Kanyakumari", "Nagercoil", "Kanchipuram", "Cuddalore",
    "Dindigul", "Karur", "Hosur", "Ooty", "Nilgiris", "Villupuram", "Tiruvannamalai",
    "Ramanathapuram", "Rameswaram", "Sivaganga", "Krishnagiri", "Dharmapuri",
    "Bengaluru", "Bangalore", "Mysuru", "Mysore", "Mangaluru", "Mangalore", "Hubballi",
    "Hubli", "Dharwad", "Belagavi", "Belgaum", "Kalaburagi", "Gulbarga", "Ballari",
    "Bellary", "Shivamogga", "Shimoga", "Davanagere", "Tumakuru", "Tumkur", "Udupi",
    "Vijayapura", "Raichur", "Bidar", "Mandya", "Chitradurga", "Kodagu",
    "Coorg", "Chikkamagaluru", "Kolar", "Hampi",
    "Thiruvananthapuram", "Trivandrum", "Kochi", "Cochin", "Ernakulam", "Kozhikode",
    "Calicut", "Thrissur", "Kannur", "Kollam", "Palakkad", "Malappuram", "Alappuzha",
    "Alleppey", "Kottayam", "Kasaragod", "Wayanad", "Idukki", "Pathanamthitta",
    "Sabarimala",
    "Visakhapatnam", "Vizag", "Vijayawada", "Guntur", "Tirupati", "Nellore", "Kurnool",
    "Kakinada", "Rajahmundry", "Anantapur", "Kadapa", "Ongole", "Eluru", "Srikakulam",
    "Vizianagaram", "Chittoor", "Amaravati",
    "Secunderabad", "Warangal", "Karimnagar", "Nizamabad", "Khammam", "Nalgonda",
    "Adilabad", "Mahbubnagar", "Medak", "Sangareddy", "Siddipet", "Cyberabad",
]

CUES["IND"] = [
    "mla", "mlas", "mlc", "crore", "crores", "lakh", "lakhs", "tehsil", "tehsildar",
    "panchayat", "gram panchayat", "zila parishad", "sarpanch", "lok sabha",
    "rajya sabha", "vidhan sabha", "dsp", "ssp", "bjp", "aap", "tmc", "trinamool",
    "samajwadi party", "bsp", "cpi(m)", "dmk", "aiadmk", "shiv sena", "jd(u)", "rjd",
    "ysrcp", "tdp", "rashtriya swayamsevak sangh", "crpf", "itbp", "cisf", "enforcement directorate",
    "bharatiya nyaya sanhita", "district collector", "ias officer", "ips officer",
    "president's rule", "naxal", "naxals", "naxalite", "naxalites", "gherao",
    "lathicharge", "lathi-charge", "lathi charge", "nagar nigam", "ward councillor",
    "district magistrate", "sub-divisional magistrate", "sdm", "block development officer", "gram sabha",
    "taluk", "taluka", "nagar panchayat", "zilla panchayat", "lok adalat", "collectorate", "panchayati raj",
]

# --- India: historical and cultural regions named in regional news ----------------
PLACES["IND"] += [
    "Marathwada", "Vidarbha", "Konkan", "Khandesh", "Bundelkhand", "Purvanchal", "Saurashtra",
    "Doaba", "Malwa", "Seemanchal", "Awadh", "Rohilkhand", "Dooars",
    "Rayalaseema", "Coastal Andhra", "Barak Valley", "Jangalmahal",
]

# --- Pakistan -------------------------------------------------------------------
PLACES["PAK"] = [
    "Balochistan", "Baluchistan", "Khyber Pakhtunkhwa", "Sindh", "Gilgit-Baltistan",
    "Gilgit Baltistan", "Azad Kashmir", "Azad Jammu and Kashmir", "FATA",
    "Karachi", "Lahore", "Peshawar", "Quetta", "Rawalpindi", "Faisalabad", "Multan",
    "Gujranwala", "Sialkot", "Sargodha", "Bahawalpur", "Sukkur", "Larkana",
    "Abbottabad", "Mardan", "Swat Valley", "Swat district", "Mingora", "Bannu",
    "Dera Ismail Khan", "Kohat", "Chitral", "Gilgit", "Skardu", "Muzaffarabad",
    "Gwadar", "Turbat", "Khuzdar", "Chaman", "Zhob", "Kurram", "Parachinar",
    "North Waziristan", "South Waziristan", "Waziristan", "Miranshah", "Wana",
    "Khyber district", "Bajaur", "Mohmand", "Orakzai", "Tirah", "Lakki Marwat",
    "Tank district", "Sheikhupura", "Kasur", "Okara", "Sahiwal", "Jhelum", "Gujrat",
    "Attock", "Mianwali", "Dera Ghazi Khan", "Rahim Yar Khan", "Nawabshah",
    "Mirpurkhas", "Thatta", "Jacobabad", "Khairpur", "Charsadda", "Nowshera", "Swabi",
    "Mastung", "Kech", "Panjgur", "Sibi", "Nushki", "Noshki",
]
CUES["PAK"] = [
    "mna", "mnas", "mpa", "mpas", "pti", "pml-n", "jui-f", "mqm", "mqm-p", "ttp",
    "tehreek-e-taliban", "ispr", "national accountability bureau", "ary news",
    "geo news",
]

# --- Bangladesh -----------------------------------------------------------------
PLACES["BGD"] = [
    "Chittagong", "Chattogram", "Khulna", "Rajshahi", "Sylhet", "Barisal", "Barishal",
    "Rangpur", "Mymensingh", "Comilla", "Cumilla", "Cox's Bazar", "Cox’s Bazar",
    "Narayanganj", "Gazipur", "Bogura", "Bogra", "Jessore", "Jashore", "Dinajpur",
    "Tangail", "Noakhali", "Feni", "Pabna", "Kushtia", "Faridpur", "Bhola",
    "Satkhira", "Bagerhat", "Jamalpur", "Kishoreganj", "Brahmanbaria", "Chandpur",
    "Lakshmipur", "Habiganj", "Moulvibazar", "Sunamganj", "Sirajganj", "Natore",
    "Naogaon", "Chapainawabganj", "Rangamati", "Khagrachhari", "Bandarban",
    "Chittagong Hill Tracts", "Teknaf", "Ukhia", "Kutupalong", "Bhasan Char",
    "Savar", "Tongi", "Ashulia", "Keraniganj", "Patuakhali",
    "Madaripur", "Shariatpur", "Munshiganj", "Narsingdi", "Kurigram", "Lalmonirhat",
    "Nilphamari", "Thakurgaon", "Panchagarh", "Sherpur", "Netrokona",
]
CUES["BGD"] = [
    "upazila", "union parishad", "awami league", "bnp", "jamaat-e-islami",
    "rab", "rapid action battalion", "bgb", "border guard bangladesh", "taka",
    "jatiya sangsad", "jatiya party", "hefazat", "chhatra league",
    "chhatra dal",
]

# --- Nepal ----------------------------------------------------------------------
PLACES["NPL"] = [
    "Koshi", "Madhesh", "Bagmati", "Gandaki", "Lumbini", "Karnali", "Sudurpaschim",
    "Pokhara", "Lalitpur", "Patan", "Bhaktapur", "Biratnagar", "Birgunj", "Dharan",
    "Butwal", "Janakpur", "Hetauda", "Nepalgunj", "Dhangadhi",
    "Itahari", "Birendranagar", "Bhairahawa", "Siddharthanagar", "Chitwan", "Gorkha",
    "Solukhumbu", "Jhapa", "Morang", "Sunsari", "Rupandehi", "Kailali",
    "Terai",
]
CUES["NPL"] = ["nepali congress", "cpn-uml", "cpn (maoist centre)", "rastriya swatantra party"]

# --- Sri Lanka ------------------------------------------------------------------
PLACES["LKA"] = [
    "Jaffna", "Kandy", "Galle", "Trincomalee", "Batticaloa", "Negombo", "Anuradhapura",
    "Kurunegala", "Ratnapura", "Badulla", "Matara", "Hambantota", "Vavuniya",
    "Mullaitivu", "Kilinochchi", "Mannar", "Ampara", "Polonnaruwa", "Nuwara Eliya",
    "Kalutara", "Gampaha", "Puttalam", "Dehiwala", "Mount Lavinia", "Moratuwa",

]
CUES["LKA"] = ["slpp", "sjb", "tamil national alliance", "ltte"]

# --- Afghanistan ----------------------------------------------------------------
PLACES["AFG"] = [
    "Kandahar", "Herat", "Mazar-i-Sharif", "Mazar-e-Sharif", "Jalalabad", "Kunduz",
    "Helmand", "Lashkar Gah", "Ghazni", "Nangarhar", "Kunar", "Paktia", "Paktika",
    "Khost", "Logar", "Wardak", "Parwan", "Bagram", "Panjshir", "Baghlan", "Takhar",
    "Badakhshan", "Balkh", "Faryab", "Jawzjan", "Sar-e Pul",
    "Samangan", "Bamiyan", "Bamyan", "Daikundi", "Uruzgan", "Oruzgan", "Tarinkot",
    "Zabul", "Nimroz", "Badghis", "Ghor", "Laghman", "Nuristan", "Kapisa",
    "Pul-e-Khumri", "Spin Boldak", "Torkham",
]

# --- Bhutan, Maldives -------------------------------------------------------------
PLACES["BTN"] = ["Paro", "Punakha", "Phuentsholing", "Bumthang"]
PLACES["MDV"] = ["Addu", "Hulhumale", "Hulhumalé", "Maafushi"]

# --- regional news (session 5): districts and towns missing above --------------------
PLACES["IND"] += [
    "Nuh", "Majuli", "Sonbhadra", "Shravasti", "Siddharthnagar", "Kaushambi", "Chitrakoot", "Lakhisarai",
    "Rohtas", "Vaishali", "Nuapada", "Kalahandi", "Boudh", "Gajapati",
]

# --- regional news (session 5): districts and towns missing above --------------------
PLACES["PAK"] += [
    "Taxila", "Wah Cantt", "Chakwal", "Bhakkar", "Layyah", "Muzaffargarh", "Rajanpur", "Vehari", "Khanewal",
    "Lodhran", "Pakpattan", "Nankana Sahib", "Hafizabad", "Mandi Bahauddin", "Narowal", "Khushab", "Chiniot",
    "Jhang", "Toba Tek Singh", "Bahawalnagar", "Hangu", "Malakand", "Buner", "Shangla", "Battagram", "Mansehra",
    "Haripur", "Kohistan", "Tharparkar", "Umerkot", "Sanghar", "Badin", "Jamshoro", "Dadu", "Shikarpur",
    "Kashmore", "Ghotki", "Naushahro Feroze", "Kalat", "Loralai", "Pishin", "Kharan", "Lasbela", "Awaran",
    "Dera Bugti", "Kohlu",
]

# --- regional news (session 5): districts and towns missing above --------------------
PLACES["BGD"] += [
    "Barguna", "Chuadanga", "Gaibandha", "Jhalokathi", "Jhalokati", "Jhenaidah", "Joypurhat", "Magura",
    "Meherpur", "Rajbari",
]

# --- regional news (session 5): districts and towns missing above --------------------
PLACES["NPL"] += [
    "Banke", "Bardiya", "Surkhet", "Dolpa", "Sindhupalchok", "Sindhupalchowk", "Dolakha", "Rautahat", "Sarlahi",
    "Mahottari", "Dhanusha", "Saptari", "Makwanpur", "Kavre", "Kavrepalanchok",
]
