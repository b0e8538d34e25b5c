/// The grammatical gender a `he` or `she` can refer to.
enum PronounGender: Sendable, Hashable {
    case male, female, unknown

    func agrees(with other: PronounGender) -> Bool { self == .unknown || other == .unknown || self == other }
}

/// Common given names, by the gender they are most often given to, across languages.
///
/// Written from general knowledge; used only for `he`/`she` agreement. Names that are common for
/// both genders (Alex, Sam, Jordan, Taylor, Morgan, Jean, Andrea…) are deliberately left out.
enum GivenNameGender {
    static func gender(ofGivenName name: String) -> PronounGender {
        let n = name.lowercased()
        if male.contains(n) { return .male }
        if female.contains(n) { return .female }
        return .unknown
    }

    static let male = Set<String>([
        "aaron", "adam", "adrian", "ahmed", "alan", "albert", "alberto", "alejandro", "alexander", "alexei",
        "alfred", "ali", "alistair", "amir", "anders", "andre", "andrew", "andrzej", "angelo", "anthony",
        "antoine", "anton", "antonio", "arjun", "arnold", "arthur", "barack", "barry", "ben", "benjamin",
        "bernard", "bill", "billy", "bob", "boris", "brad", "bradley", "brandon", "brian", "bruce", "bruno",
        "bryan", "carl", "carlos", "charles", "charlie", "chris", "christian", "christopher", "chuck", "colin",
        "craig", "daniel", "danny", "darren", "dave", "david", "dennis", "diego", "dmitry", "dominic", "don",
        "donald", "doug", "douglas", "duncan", "dylan", "eddie", "edward", "eric", "erik", "ethan", "eugene",
        "fabio", "felipe", "felix", "fernando", "francesco", "francis", "francisco", "frank", "franz", "fred",
        "frederick", "gabriel", "gary", "george", "georg", "gerald", "gerhard", "giovanni", "giuseppe", "glenn",
        "gordon", "graham", "greg", "gregory", "gustavo", "hans", "harold", "harry", "hassan", "henry", "hugo",
        "hussein", "ian", "ibrahim", "igor", "isaac", "ivan", "jack", "jacob", "jake", "james", "jamie", "jan",
        "jason", "javier", "jeff", "jeffrey", "jeremy", "jerry", "jim", "jimmy", "joe", "joel", "johan", "john",
        "johnny", "jonathan", "jorge", "jose", "josef", "joseph", "josh", "joshua", "juan", "julian", "jurgen",
        "justin", "karl", "keith", "ken", "kenneth", "kevin", "klaus", "kurt", "larry", "lars", "lee", "leo",
        "leon", "liam", "louis", "luca", "lucas", "luis", "luke", "marc", "marco", "marcus", "mario", "mark",
        "martin", "mateo", "matt", "matthew", "max", "michael", "miguel", "mike", "mikhail", "mohamed",
        "mohammed", "muhammad", "nathan", "neil", "nicholas", "nick", "nicolas", "nikolai", "noah", "oleg",
        "oliver", "omar", "oscar", "owen", "pablo", "patrick", "paul", "pedro", "peter", "philip", "phil",
        "pierre", "rafael", "rahul", "raj", "ralph", "ray", "raymond", "ricardo", "richard", "rick", "rob",
        "robert", "roberto", "roger", "ron", "ronald", "roy", "russell", "ryan", "salvatore", "sam", "samuel",
        "scott", "sean", "sebastian", "sergei", "sergey", "seth", "simon", "stan", "stanley", "stefan", "steve",
        "steven", "stephen", "stuart", "tim", "timothy", "todd", "tom", "thomas", "tony", "travis", "tyler",
        "victor", "viktor", "vincent", "vladimir", "walter", "wayne", "wei", "william", "willie", "wolfgang",
        "yusuf", "yuri", "zach", "zachary", "hiroshi", "takeshi", "kenji", "ravi", "vikram", "amit", "sanjay",
        "olaf", "emmanuel", "jacques", "jean-pierre", "jean-claude", "luigi", "marcel", "matthias", "sven",
        "dmitri", "andrei", "pavel", "piotr", "tomasz", "kwame", "kofi", "chinedu", "tariq", "khalid", "abdul",
    ])

    static let female = Set<String>([
        "abigail", "ada", "adele", "agnes", "aisha", "alice", "alicia", "alison", "amanda", "amelia", "amy",
        "ana", "angela", "angelina", "anita", "ann", "anna", "anne", "annette", "antonia", "barbara", "beatrice",
        "betty", "beverly", "brenda", "brigitte", "carla", "carmen", "carol", "caroline", "catherine", "cecilia",
        "charlotte", "chloe", "christina", "christine", "claire", "clara", "claudia", "cynthia", "daisy",
        "daniela", "deborah", "debra", "denise", "diana", "diane", "donna", "doris", "dorothy", "edith", "elena",
        "elisabeth", "elizabeth", "ella", "ellen", "emily", "emma", "erica", "esther", "eva", "eve", "fatima",
        "fiona", "florence", "frances", "gabriela", "gabrielle", "gloria", "grace", "hannah", "heather",
        "helen", "helena", "hillary", "ingrid", "irene", "isabel", "isabella", "jacqueline", "jane", "janet",
        "janice", "jennifer", "jessica", "jill", "joan", "joanna", "josephine", "joyce", "judith", "judy",
        "julia", "julie", "karen", "kate", "katherine", "kathleen", "kathryn", "katie", "kelly", "kim",
        "kimberly", "laura", "lauren", "leah", "linda", "lisa", "lucia", "lucy", "lydia", "lynn", "madeleine",
        "margaret", "maria", "marie", "marina", "marion", "martha", "mary", "maya", "megan", "melanie",
        "melissa", "mia", "michelle", "monica", "nancy", "natalia", "natalie", "natasha", "nicole", "nina",
        "olga", "olivia", "pamela", "patricia", "paula", "priya", "rachel", "rebecca", "rosa", "rose", "ruth",
        "sabrina", "sandra", "sara", "sarah", "sharon", "shirley", "silvia", "sofia", "sophia", "sophie",
        "stephanie", "susan", "suzanne", "svetlana", "tamara", "teresa", "theresa", "tina", "ursula",
        "valentina", "valerie", "vanessa", "victoria", "virginia", "wendy", "yvonne", "zoe", "yuki", "sakura",
        "mei", "ling", "ananya", "sunita", "anastasia", "tatiana", "irina", "ekaterina", "yulia", "oksana",
        "agnieszka", "magdalena", "ursula", "giulia", "francesca", "chiara", "ines", "lucie", "camille",
        "amara", "ngozi", "chioma", "amina", "layla", "leila", "noor", "kamala", "nikki", "marjorie", "nadia",
        "greta", "heidi", "astrid", "ingeborg", "karin", "birgit", "annika", "freya", "maeve", "siobhan",
    ])
}
