"""Regional-news additions to the gazetteer (session 5): lower-case party, union and agency names of South Asian,
East African, Nigerian and Philippine local news, and local officials' titles. Applied by scripts/build_gazetteer.py
after its own tables, so a rebuild keeps them; every entry is a public fact (party and agency names, titles)."""

from __future__ import annotations

from typing import Any


def apply_gazetteer(d: dict[str, Any]) -> None:
    """Add the regional organisations and sector nouns to a built gazetteer (in place)."""
    def org(names, code, sector, cs=()):  # type: ignore[no-untyped-def]
        d['organizations'].append({"names": list(names), "code": code, "sector": sector, "case_sensitive": list(cs)})

    def extend(name, extra, cs=()):  # type: ignore[no-untyped-def]
        for o in d['organizations']:
            if name in o['names']:
                o['names'] += [x for x in extra if x not in o['names']]
                o['case_sensitive'] += [x for x in cs if x not in o['case_sensitive']]
                return
        raise KeyError(name)
    # "gwale local government area": a Nigerian district name, not a government acting
    org(["local government area", "local government areas"], "", "")
    org(["Hisbah", "Hisbah Corps", "Hisbah Board", "Hisbah Commission"], "NGA", "COP")
    org(["Nigeria Labour Congress", "NLC", "Academic Staff Union of Universities", "ASUU", "asuu",
         "National Union of Road Transport Workers", "NURTW", "nurtw", "nlc"], "NGA", "LAB",
        ["NLC", "nlc", "ASUU", "asuu", "NURTW", "nurtw"])
    org(["All Progressives Congress", "apc", "New Nigeria Peoples Party", "NNPP", "nnpp"], "NGA", "PTY", ["apc", "NNPP", "nnpp"])
    org(["Kenya Union of Post Primary Education Teachers", "KUPPET", "Kuppet", "Kenya National Union of Teachers", "KNUT", "knut",
         "Kenya Medical Practitioners, Pharmacists and Dentists Union", "KMPDU", "kmpdu"], "KEN", "LAB",
        ["KNUT", "knut", "KMPDU", "kmpdu"])
    org(["Orange Democratic Movement", "ODM", "odm", "Jubilee Party", "Wiper Democratic Movement"], "KEN", "PTY", ["ODM", "odm"])
    org(["National Unity Platform", "NUP", "nup", "National Resistance Movement", "NRM", "nrm"], "UGA", "PTY", ["NUP", "nup", "NRM", "nrm"])
    org(["Land Transportation Franchising and Regulatory Board", "LTFRB", "ltfrb", "Land Transportation Office",
         "Department of Social Welfare and Development", "DSWD", "dswd", "Department of Public Works and Highways", "DPWH", "dpwh"],
        "PHL", "GOV", ["LTFRB", "ltfrb", "DSWD", "dswd", "DPWH", "dpwh"])
    org(["Anti-Corruption Establishment", "Anti Corruption Establishment"], "PAK", "COP")
    org(["State Emergency Management Agency", "SEMA", "sema"], "NGA", "GOV", ["SEMA", "sema"])
    org(["Sangguniang Panlalawigan", "Sangguniang Panlungsod", "Sangguniang Bayan", "Bangsamoro Transition Authority"], "PHL", "LEG")
    extend("BJP", ["bjp"], ["bjp"])
    org(["Biju Janata Dal", "BJD", "bjd", "All India Trinamool Congress", "Trinamool Congress", "Trinamool", "Samajwadi Party",
         "Bahujan Samaj Party", "BSP", "bsp", "Rashtriya Janata Dal", "RJD", "rjd", "Janata Dal (United)", "JD(U)", "jd(u)", "JDU", "jdu",
         "Dravida Munnetra Kazhagam", "DMK", "dmk", "AIADMK", "aiadmk", "Telugu Desam Party", "TDP", "tdp", "YSR Congress Party",
         "YSRCP", "ysrcp", "Bharat Rashtra Samithi", "BRS", "brs", "Shiv Sena", "Nationalist Congress Party", "Youth Congress",
         "Indian Youth Congress", "Mahila Congress"], "IND", "PTY",
        ["BJD", "bjd", "BSP", "bsp", "RJD", "rjd", "JD(U)", "jd(u)", "JDU", "jdu", "DMK", "dmk", "AIADMK", "aiadmk", "TDP", "tdp",
         "YSRCP", "ysrcp", "BRS", "brs"])
    org(["Akhil Bharatiya Vidyarthi Parishad", "ABVP", "abvp", "National Students' Union of India", "National Students’ Union of India",
         "NSUI", "nsui", "Students' Federation of India", "Students’ Federation of India", "SFI", "sfi"], "IND", "EDU",
        ["ABVP", "abvp", "NSUI", "nsui", "SFI", "sfi"])
    org(["Economic Offences Wing", "Economic Offences Unit", "EOW", "eow", "EOU", "eou"], "IND", "COP", ["EOW", "eow", "EOU", "eou"])
    extend("PML-N", ["pml-n", "PML(N)", "pml(n)", "Muttahida Qaumi Movement", "MQM", "mqm", "MQM-P", "mqm-p", "Jamiat Ulema-e-Islam",
                     "JUI-F", "jui-f", "ppp"], ["pml-n", "PML(N)", "pml(n)", "MQM", "mqm", "MQM-P", "mqm-p", "JUI-F", "jui-f", "ppp"])
    extend("Bangladesh Nationalist Party", ["bnp", "Bangladesh Chhatra League", "Chhatra League", "Jatiyatabadi Chhatra Dal", "Chhatra Dal",
                                            "Jubo League", "Jubo Dal", "Jatiya Party", "Islami Chhatra Shibir", "Chhatra Shibir"], ["bnp"])
    sect = {
        "LEG": ["mpa", "mpas", "county assembly", "county assemblies", "provincial board"],
        "GOV": ["upazila parishad", "upazila parishad chairman", "union parishad", "village administrative officer",
                "village administrative officers", "administrative officer", "council officials", "area chief", "assistant chief",
                "deputy county commissioner", "lgu", "lgus", "resident district commissioner", "rdc", "lc5 chairman",
                "lc3 chairman", "lc1 chairman", "ward executive officer", "village executive officer", "chief district officer",
                "ward chair", "ward chairperson", "divisional secretary", "grama niladhari", "grama sevaka", "gram sevak",
                "gram sevaks", "lambardar", "numberdar", "nazim", "naib nazim", "district nazim", "induna", "sk chairman"],
        "EDU": ["campus chief", "headmaster", "headmistress", "head teacher", "headteacher", "school principal"],
        "COP": ["constable", "constables", "police constable", "head constable", "ocpd", "police station", "police post"],
    }
    # lower-case abbreviations of South Asian local press, matched only as written in lower case ("DC" is Washington's)
    abbrev = {"COP": ["sp", "asp", "asi", "cp", "dpo", "cpo", "rpo", "district police officer", "city police officer",
                      "regional police officer", "commissioner of police", "police commissioner"],
              "GOV": ["dm", "dc", "adc", "sdo", "gram pradhan", "pradhan"],
              "LEG": ["mna", "mnas"],
              "MED": ["cmo", "chief medical officer"]}
    for k, v in abbrev.items():
        sect.setdefault(k, []).extend(v)
    strict_abbrev = {"rdc", "sp", "asp", "asi", "cp", "dpo", "cpo", "rpo", "dm", "dc", "adc", "sdo", "mna", "mnas", "cmo"}
    have = {n for s in d['sectors'] for n in s['nouns']}
    for s in d['sectors']:
        for n in sect.get(s['sector'], []):
            if n not in have:
                s['nouns'].append(n)
                if n in strict_abbrev:
                    s.setdefault('case_sensitive', []).append(n)
