package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.newsflow.contract.EnrichedArticle.Entity;
import io.newsflow.contract.EnrichedArticle.EntityType;
import io.newsflow.contract.text.VietnameseText;
import io.newsflow.enrich.extraction.ExtractedArticle;
import io.newsflow.enrich.knowledge.ResourceLines;

/**
 * Named entities of an article, linked to canonical ids. First the knowledge base (longest alias
 * match, so "TP. HCM" and "Thành phố Hồ Chí Minh" are one entity), then rules for names it does not
 * know: persons after a title or form of address or starting with a Vietnamese surname,
 * organisations starting with a cue word ("Tạp chí", "Tập đoàn"…), places after an administrative
 * word ("tỉnh", "xã"…). Names the rules found are then counted wherever else the article repeats them.
 * Thread-safe once built.
 */
public final class EntityRecognizer {

    /** Weights of a mention by where it is: the title says what the article is about. */
    private static final double TITLE_WEIGHT = 3;
    private static final double LEAD_WEIGHT = 2;
    private static final double BODY_WEIGHT = 1;
    private static final int MAX_NAME_WORDS = 5;
    private static final int MAX_SURNAME_NAME_WORDS = 4;

    private final KnowledgeBase knowledge;
    private final Cues cues;
    private final NamedPlaces places;
    private final Set<String> stopwords;
    private final Token.Spellings spellings;

    EntityRecognizer(KnowledgeBase knowledge, Cues cues, NamedPlaces places, Set<String> stopwords) {
        this.knowledge = knowledge;
        this.cues = cues;
        this.places = places;
        this.stopwords = stopwords;
        this.spellings = new Token.Spellings(key -> WordFacts.of(knowledge.aliasesStartingWith(key),
                cues.cuesStartingWith(key), cues.surnamesWritten(key), stopwords.contains(key)));
    }

    public static EntityRecognizer withDefaults() {
        Set<String> stopwords = new java.util.HashSet<>();
        for (String file : List.of("language/stopwords-vi.txt", "language/stopwords-en.txt")) {
            ResourceLines.lines(file).stream().filter(word -> !word.contains(" "))
                    .map(VietnameseText::fold).forEach(stopwords::add);
        }
        return new EntityRecognizer(KnowledgeBase.load(), Cues.load(), NamedPlaces.load(), Set.copyOf(stopwords));
    }

    /** A mention claimed on a span of words; {@code id == null} blocks the span without an entity. */
    private record Claim(String id, EntityType type, String name, List<String> knownAliases, int from, int to,
                         boolean composite) {

        Claim(String id, EntityType type, String name, List<String> knownAliases, int from, int to) {
            this(id, type, name, knownAliases, from, to, false);
        }
    }

    private record Zone(List<Token> tokens, String text, double weight) {
    }

    /** The entities of the article, most salient first, at most {@code max}. */
    public List<Entity> recognize(ExtractedArticle article, int max) {
        List<Zone> zones = zones(article);
        List<Claim[]> claims = new ArrayList<>();
        for (Zone zone : zones) {
            Claim[] claimed = new Claim[zone.tokens().size()];
            matchKnowledge(zone.tokens(), claimed);
            matchNamedPlaces(zone.tokens(), claimed);
            claims.add(claimed);
        }
        // "Nguyễn Huệ" written alone in an article about "đường Nguyễn Huệ" is the street, not a person
        Set<List<String>> placeNames = namesOfPlaces(zones, claims);
        for (int z = 0; z < zones.size(); z++) {
            matchPersons(zones.get(z).tokens(), claims.get(z), placeNames);
        }
        // people named once with a title are recognised everywhere before organisation names grow
        // over them ("Tạp chí Alunmay Khamsavay Sidavong" is a magazine and a person)
        matchLearned(zones, claims);
        for (int z = 0; z < zones.size(); z++) {
            matchOrganizations(zones.get(z).tokens(), claims.get(z));
            matchLocations(zones.get(z).tokens(), claims.get(z));
            matchAmpersandNames(zones.get(z).tokens(), claims.get(z));
        }
        matchLearned(zones, claims);
        matchShortNames(zones, claims);
        return aggregate(zones, claims, max);
    }

    private List<Zone> zones(ExtractedArticle article) {
        List<Zone> zones = new ArrayList<>();
        add(zones, article.title(), TITLE_WEIGHT);
        add(zones, article.lead(), LEAD_WEIGHT);
        for (String paragraph : article.body()) {
            if (!paragraph.equals(article.lead())) {
                add(zones, paragraph, BODY_WEIGHT);
            }
        }
        return zones;
    }

    private void add(List<Zone> zones, String text, double weight) {
        if (text != null && !text.isBlank()) {
            String nfc = VietnameseText.nfc(text);
            zones.add(new Zone(Token.of(nfc, spellings), nfc, weight));
        }
    }

    private void matchKnowledge(List<Token> tokens, Claim[] claimed) {
        for (int i = 0; i < tokens.size(); ) {
            KnowledgeBase.Alias alias = claimed[i] == null ? knowledge.longestMatch(tokens, i) : null;
            if (alias == null) {
                i++;
                continue;
            }
            KnowledgeBase.Entry entry = alias.entry();
            int end = i + alias.length();
            if (!entry.localBody()) {
                KnowledgeBase.Alias country = entry.foreignCounterpart() ? placeAfter(tokens, end) : null;
                if (country != null && country.entry().foreignPlace()) {
                    // "Bộ Công Thương Lào" is the Lao ministry; the country keeps its own mention
                    KnowledgeBase.Entry owner = country.entry();
                    String id = entry.id() + "-" + owner.id().substring(owner.id().indexOf(':') + 1);
                    claim(claimed, new Claim(id, EntityType.ORGANIZATION, entry.name() + " " + owner.name(),
                            spellings(entry.name() + " " + owner.name(), surface(tokens, i, end + country.length())),
                            i, end, true));
                    claim(claimed, new Claim(owner.id(), owner.type(), owner.name(), owner.aliases(), end,
                            end + country.length()));
                    i = end + country.length();
                    continue;
                }
                claim(claimed, new Claim(entry.id(), entry.type(), entry.name(), entry.aliases(), i, end));
                i = end;
                continue;
            }
            // "Thành ủy TP HCM", "UBND tỉnh Quảng Ninh": the body of one place
            // the place right after the body ("Thành ủy Thành phố Hồ Chí Minh"), else after a cue ("UBND tỉnh …")
            int placeAt = end;
            KnowledgeBase.Alias place = placeAfter(tokens, placeAt);
            if (place == null || place.entry().type() != EntityType.LOCATION) {
                placeAt = end + cues.locationCueAt(tokens, end);
                place = placeAt > end ? placeAfter(tokens, placeAt) : null;
            }
            if (place != null && place.entry().type() == EntityType.LOCATION) {
                KnowledgeBase.Entry location = place.entry();
                String id = entry.id() + "-" + location.id().substring(location.id().indexOf(':') + 1);
                // the claim covers the body's words only; the place keeps its own mention
                claim(claimed, new Claim(id, EntityType.ORGANIZATION, entry.name() + " " + location.name(),
                        spellings(entry.name() + " " + location.name(), surface(tokens, i, placeAt + place.length())),
                        i, placeAt, true));
                claim(claimed, new Claim(location.id(), EntityType.LOCATION, location.name(), location.aliases(),
                        placeAt, placeAt + place.length()));
                i = placeAt + place.length();
            } else if (placeBefore(tokens, claimed, i, end) != null) {
                // English puts the place first: "Hanoi People's Committee"
                Claim before = placeBefore(tokens, claimed, i, end);
                String id = entry.id() + "-" + before.id().substring(before.id().indexOf(':') + 1);
                claim(claimed, new Claim(id, EntityType.ORGANIZATION, entry.name() + " " + before.name(),
                        spellings(entry.name() + " " + before.name(), surface(tokens, before.from(), end)), i, end, true));
                i = end;
            } else if (entry.national() != null && knowledge.byId(entry.national()) != null) {
                KnowledgeBase.Entry national = knowledge.byId(entry.national());
                claim(claimed, new Claim(national.id(), national.type(), national.name(), national.aliases(), i, end));
                i = end;
            } else {
                claim(claimed, new Claim(null, null, null, List.of(), i, end));
                i = end;
            }
        }
    }

    /** The canonical name of a local body and the way this article writes it ("UBND TP Hà Nội"). */
    private static List<String> spellings(String canonical, String written) {
        return canonical.equals(written) ? List.of(canonical) : List.of(canonical, written);
    }

    /** The known place written right before a body named in English words ("Da Nang People's Committee"). */
    private static Claim placeBefore(List<Token> tokens, Claim[] claimed, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!tokens.get(k).ascii()) {
                return null;
            }
        }
        Claim before = from > 0 ? claimed[from - 1] : null;
        return before != null && before.id() != null && before.type() == EntityType.LOCATION
                && !tokens.get(from).hardBreakBefore() ? before : null;
    }

    private KnowledgeBase.Alias placeAfter(List<Token> tokens, int at) {
        return at < tokens.size() && !tokens.get(at).hardBreakBefore() ? knowledge.longestMatch(tokens, at) : null;
    }

    /**
     * Places and schools named after a person or another place: "cầu Trần Thị Lý", "đường Nguyễn Huệ",
     * "lăng Chủ tịch Hồ Chí Minh", "trường THPT Lê Quý Đôn", "Nguyen Hue Street". The name is the
     * place's; a known person's name after the kind gives way to the place.
     */
    private void matchNamedPlaces(List<Token> tokens, Claim[] claimed) {
        for (int i = 0; i < tokens.size(); i++) {
            if (claimed[i] != null) {
                continue;
            }
            NamedPlaces.Found english = places.englishKindEndingAt(tokens, i);
            // a capitalised word after the kind makes it part of a longer name: "Wall Street Journal"
            boolean longerName = english != null && english.to() < tokens.size() && tokens.get(english.to()).capitalised()
                    && !tokens.get(english.to()).hardBreakBefore();
            if (english != null && !longerName && unclaimed(claimed, english.from(), english.to())) {
                int from = english.from();
                // a one-word place inside the name belongs to it: "Nguyen Hue Street" is not in Huế
                while (from > 0 && english.from() - from < 4
                        && (claimed[from - 1] == null || oneWordPlace(claimed[from - 1])) && tokens.get(from - 1).capitalised()
                        && !(isStopword(tokens.get(from - 1)) && sentenceStart(tokens, from - 1))
                        && !tokens.get(from).hardBreakBefore()) {
                    from--;
                }
                // a name starting with a known place is a longer name ("Saigon Hi-Tech Park"), or the
                // place itself ("Hanoi Street Food"): the place keeps its mention
                boolean startsWithPlace = from < english.from() && claimed[from] != null;
                if (!startsWithPlace) {
                    for (int k = from; k < english.from(); k++) {
                        claimed[k] = null;
                    }
                }
                if (!startsWithPlace && from < english.from()) {
                    NamedPlaces.Kind kind = english.kind();
                    int to = kind.withKind() ? english.to() : english.from();
                    String id = kind.withKind() ? kind.slug() + "-" + slug(tokens, from, english.from()) : slug(tokens, from, to);
                    claimPlace(tokens, claimed, kind, id, from, to);
                    continue;
                }
            }
            NamedPlaces.Found found = places.kindAt(tokens, i);
            if (found == null) {
                continue;
            }
            int from = found.to();
            if (from >= tokens.size() || tokens.get(from).hardBreakBefore() || !tokens.get(from).capitalised()) {
                continue;
            }
            int to;
            Claim existing = claimed[from];
            NamedPlaces.Kind kind = found.kind();
            if (existing != null) {
                if (existing.id() == null || existing.from() != from) {
                    continue;
                }
                if (existing.type() == EntityType.PERSON) {
                    // "đường Hồ Chí Minh", "lăng Chủ tịch Hồ Chí Minh": the known person names the place
                    to = existing.to();
                    for (int k = from; k < to; k++) {
                        claimed[k] = null;
                    }
                } else if (existing.type() == EntityType.LOCATION) {
                    // "đường Điện Biên Phủ" is not in Điện Biên; "ga Hà Nội" stays a mention of the city
                    to = withPlacesInside(tokens, claimed, from, from, false);
                    if (to == from) {
                        continue;
                    }
                } else {
                    continue;
                }
            } else {
                if (cues.personCueAt(tokens, from) > 0) {
                    continue;
                }
                to = capitalisedRun(tokens, claimed, from, MAX_NAME_WORDS, true);
                if (to == from) {
                    continue;
                }
                // "trường THPT Quốc Học Huế" is a school of Huế's: the place it ends with is in its name
                to = withPlacesInside(tokens, claimed, from, to, kind.type() == EntityType.ORGANIZATION);
            }
            int nameFrom = kind.withKind() ? found.from() : from;
            claimPlace(tokens, claimed, kind, slug(tokens, nameFrom, to), nameFrom, to);
            i = to - 1;
        }
    }

    /**
     * The end of a place's or school's name that runs on over known places: a place followed by more
     * capitalised words is part of the name; a school's name also takes the place it ends with.
     */
    private static int withPlacesInside(List<Token> tokens, Claim[] claimed, int from, int to, boolean endsWithPlace) {
        int end = to;
        while (end < tokens.size() && end - from < MAX_NAME_WORDS && !tokens.get(end).hardBreakBefore()) {
            Claim place = claimed[end];
            if (place == null || place.id() == null || place.type() != EntityType.LOCATION || place.from() != end) {
                break;
            }
            int after = place.to();
            int next = after < tokens.size() && claimed[after] == null && !tokens.get(after).hardBreakBefore()
                    ? capitalisedRun(tokens, claimed, after, MAX_NAME_WORDS, true) : after;
            if (next == after && !endsWithPlace) {
                break;
            }
            for (int k = end; k < after; k++) {
                claimed[k] = null;
            }
            end = next;
        }
        return end;
    }

    private static boolean oneWordPlace(Claim claim) {
        return claim.id() != null && claim.type() == EntityType.LOCATION && claim.to() - claim.from() == 1;
    }

    private void claimPlace(List<Token> tokens, Claim[] claimed, NamedPlaces.Kind kind, String slug, int from, int to) {
        boolean organization = kind.type() == EntityType.ORGANIZATION;
        String name = surface(tokens, from, to);
        claim(claimed, new Claim((organization ? "org:" : "loc:") + slug, kind.type(),
                organization ? capitaliseFirst(name) : name, List.of(), from, to));
    }

    /** The folded words of the names the named places of the article go by ("Nguyễn Huệ" of "đường Nguyễn Huệ"). */
    private static Set<List<String>> namesOfPlaces(List<Zone> zones, List<Claim[]> claims) {
        Set<List<String>> names = new java.util.HashSet<>();
        for (int z = 0; z < zones.size(); z++) {
            List<Token> tokens = zones.get(z).tokens();
            Claim previous = null;
            for (Claim claim : claims.get(z)) {
                if (claim != null && claim != previous && claim.id() != null && claim.knownAliases().isEmpty()
                        && claim.type() != EntityType.PERSON) {
                    names.add(tokens.subList(claim.from(), claim.to()).stream().map(Token::key).toList());
                }
                previous = claim;
            }
        }
        return names;
    }

    /**
     * Names joined with an ampersand are organisations ("Ernst & Young", "AT&T"), unless they are a
     * field or practice written so ("R&D", "M&A").
     */
    private void matchAmpersandNames(List<Token> tokens, Claim[] claimed) {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean runStart = i == 0 || token.hardBreakBefore() || claimed[i - 1] != null || !tokens.get(i - 1).capitalised();
            if (claimed[i] != null || !token.capitalised() || !runStart) {
                continue;
            }
            int to = capitalisedRun(tokens, claimed, i, MAX_NAME_WORDS + 1, false);
            int from = i;
            // "The AT&T deal": a sentence's first stopword is not part of the name
            while (from < to && isStopword(tokens.get(from)) && !tokens.get(from).allCaps()) {
                from++;
            }
            boolean joined = false;
            for (int k = from + 1; k < to; k++) {
                joined |= tokens.get(k).ampersandBefore();
            }
            if (joined && !cues.isAmpersandTerm(tokens.subList(from, to))) {
                claim(claimed, new Claim("org:" + slug(tokens, from, to), EntityType.ORGANIZATION, surface(tokens, from, to),
                        List.of(), from, to));
            }
            i = Math.max(i, to - 1);
        }
    }

    private void matchPersons(List<Token> tokens, Claim[] claimed, Set<List<String>> placeNames) {
        for (int i = 0; i < tokens.size(); i++) {
            if (claimed[i] != null) {
                continue;
            }
            int cue = cues.personCueAt(tokens, i);
            if (cue > 0 && unclaimed(claimed, i, i + cue)) {
                int from = afterKnownNames(tokens, claimed, i + cue);
                int to = withTrailingGivenName(tokens, claimed, from,
                        capitalisedRun(tokens, claimed, from, MAX_NAME_WORDS, true), MAX_NAME_WORDS);
                // "Tổng Giám đốc Sakura Industries" names the company the person heads
                if (to - from >= 2 && cues.personCueAt(tokens, from) == 0 && !cues.organizationCueWrittenAt(tokens, from)
                        && !cues.isOrganizationSuffix(tokens.get(to - 1))) {
                    claimPerson(tokens, claimed, from, to);
                    i = to - 1;
                    continue;
                }
            }
            Token token = tokens.get(i);
            boolean runStart = i == 0 || token.hardBreakBefore() || claimed[i - 1] != null || !tokens.get(i - 1).capitalised();
            // English writes titles in capitals right before the name: "Minister of Science and
            // Technology Nguyen Manh Cuong"; only a full name (three syllables or more) is taken there
            boolean afterEnglishTitle = !runStart && token.ascii() && tokens.get(i - 1).ascii();
            if (token.capitalised() && (runStart || afterEnglishTitle) && cues.isSurname(token)
                    && !cues.followsPlaceCue(tokens, i)) {
                int to = withTrailingGivenName(tokens, claimed, i,
                        capitalisedRun(tokens, claimed, i, MAX_SURNAME_NAME_WORDS + 1, false), MAX_SURNAME_NAME_WORDS);
                // "Hoang Mai District" is a place; "Nguyễn Huệ" of a street the article names is the street
                boolean place = cues.isLocationSuffix(tokens.get(to - 1)) || places.englishKindEndingAt(tokens, to - 1) != null
                        || placeNames.contains(tokens.subList(i, to).stream().map(Token::key).toList());
                if (!place && to - i >= (runStart ? 2 : 3) && to - i <= MAX_SURNAME_NAME_WORDS) {
                    claimPerson(tokens, claimed, i, to);
                    i = to - 1;
                }
            }
        }
    }

    /**
     * Where the name starts after a title that is followed by the body or country it belongs to:
     * "Tỉnh trưởng Thủ đô Vientiane Bounchanh Keomany", "Chủ tịch UBND TP Hà Nội Trần Quốc Huy".
     */
    private int afterKnownNames(List<Token> tokens, Claim[] claimed, int at) {
        int next = at;
        while (next < tokens.size() && !tokens.get(next).hardBreakBefore()) {
            if (claimed[next] != null && claimed[next].id() != null && claimed[next].type() != EntityType.PERSON) {
                next = claimed[next].to();
            } else if (next > at && next + 1 < tokens.size() && cues.isTitleLink(tokens.get(next))
                    && claimed[next + 1] != null && claimed[next + 1].type() == EntityType.LOCATION
                    && !tokens.get(next + 1).hardBreakBefore()) {
                // "Đại sứ Hàn Quốc tại Việt Nam Park Sung-min": the post's place
                next = claimed[next + 1].to();
            } else {
                break;
            }
        }
        return next;
    }

    /**
     * A given name that is also a one-word place ends the name: "Trần Minh Đức" is not Germany. The
     * place's claim is released when the name has two words before it and nothing capitalised after.
     */
    private static int withTrailingGivenName(List<Token> tokens, Claim[] claimed, int from, int to, int maxWords) {
        if (to - from >= 2 && to < tokens.size() && to + 1 - from <= maxWords && claimed[to] != null
                && claimed[to].type() == EntityType.LOCATION && claimed[to].to() - claimed[to].from() == 1
                && !tokens.get(to).hardBreakBefore()
                && (to + 1 == tokens.size() || !tokens.get(to + 1).capitalised() || tokens.get(to + 1).hardBreakBefore())) {
            claimed[to] = null;
            return to + 1;
        }
        return to;
    }

    private void claimPerson(List<Token> tokens, Claim[] claimed, int from, int to) {
        String name = surface(tokens, from, to);
        claim(claimed, new Claim("per:" + slug(tokens, from, to), EntityType.PERSON, name, List.of(), from, to));
    }

    private void matchOrganizations(List<Token> tokens, Claim[] claimed) {
        for (int i = 0; i < tokens.size(); i++) {
            int cue = claimed[i] == null && tokens.get(i).capitalised() ? cues.organizationCueAt(tokens, i) : 0;
            if (cue == 0 || !unclaimed(claimed, i, i + cue)) {
                continue;
            }
            int from = i + cue;
            int end = from;
            int k = from;
            while (k < tokens.size() && !tokens.get(k).hardBreakBefore()) {
                Token token = tokens.get(k);
                if (claimed[k] != null) {
                    if (claimed[k].type() == EntityType.ORGANIZATION && claimed[k].id() != null && claimed[k].from() == k
                            && k > from && abbreviationsOnly(tokens, from, k)) {
                        // "Trung tâm R&D Viettel": a name of abbreviations only is the owner's unit
                        k = claimed[k].to();
                        end = k;
                        continue;
                    }
                    if (claimed[k].type() != EntityType.LOCATION) {
                        break;
                    }
                    // places belong to organisation names: "Hội Sinh viên Việt Nam"
                    k = claimed[k].to();
                    end = k;
                    continue;
                }
                if (cues.personCueAt(tokens, k) > 0 && !token.capitalised()) {
                    break;
                }
                if (token.capitalised() || token.isNumber()) {
                    if (cues.personCueAt(tokens, k) > 0 && k > from) {
                        break;
                    }
                    end = ++k;
                    continue;
                }
                if (isStopword(token) || k == from) {
                    break;
                }
                // a lower-case syllable belongs to the name inside it ("Tạp chí Cộng sản Việt Nam")
                // or closing it before a function word or punctuation ("Tạp chí Cộng sản của…")
                boolean last = k + 1 == tokens.size() || tokens.get(k + 1).hardBreakBefore();
                Token next = last ? null : tokens.get(k + 1);
                if (next != null && claimed[k + 1] != null && claimed[k + 1].type() != EntityType.LOCATION) {
                    // the name ends before another entity: "Ban Tuyên giáo | Thành ủy TP HCM"
                    end = k + 1;
                    break;
                }
                if (next != null && (next.capitalised() || claimed[k + 1] != null)) {
                    k++;
                    continue;
                }
                if (end == k && (last || cues.isNameEnder(tokens, k + 1))) {
                    end = k + 1;
                }
                break;
            }
            if (end > from && tokens.subList(from, end).stream().anyMatch(Token::capitalised)) {
                String name = surface(tokens, i, end);
                claim(claimed, new Claim("org:" + slug(tokens, i, end), EntityType.ORGANIZATION, capitaliseFirst(name),
                        List.of(), i, end));
                i = end - 1;
            }
        }
    }

    private void matchLocations(List<Token> tokens, Claim[] claimed) {
        matchLocationsBeforeSuffixes(tokens, claimed);
        for (int i = 0; i < tokens.size(); i++) {
            int cue = claimed[i] == null ? cues.locationCueAt(tokens, i) : 0;
            if (cue == 0 || !unclaimed(claimed, i, i + cue)) {
                continue;
            }
            int from = i + cue;
            int to = capitalisedRun(tokens, claimed, from, 4, true);
            if (to > from && cues.organizationCueAt(tokens, from) == 0 && cues.personCueAt(tokens, from) == 0) {
                claim(claimed, new Claim("loc:" + slug(tokens, from, to), EntityType.LOCATION, surface(tokens, from, to),
                        List.of(), from, to));
                // "các phường Định Công và Hoàng Liệt": one more place of the same kind
                if (to + 1 < tokens.size() && cues.isConjunction(tokens.get(to)) && !tokens.get(to).hardBreakBefore()) {
                    int next = capitalisedRun(tokens, claimed, to + 1, 4, true);
                    if (next > to + 1 && cues.personCueAt(tokens, to + 1) == 0 && cues.organizationCueAt(tokens, to + 1) == 0) {
                        claim(claimed, new Claim("loc:" + slug(tokens, to + 1, next), EntityType.LOCATION,
                                surface(tokens, to + 1, next), List.of(), to + 1, next));
                        to = next;
                    }
                }
                i = to - 1;
            }
        }
    }

    /** English places named before their kind: "Khuong Dinh Ward" is the "phường Khương Đình" of Vietnamese text. */
    private void matchLocationsBeforeSuffixes(List<Token> tokens, Claim[] claimed) {
        for (int i = 1; i < tokens.size(); i++) {
            if (claimed[i] != null || !cues.isLocationSuffix(tokens.get(i)) || tokens.get(i).hardBreakBefore()) {
                continue;
            }
            int from = i;
            // a stopword ends the run only where it is capitalised as a sentence start ("The", "In"):
            // inside a sentence "Tay Ho" is a name even though "họ" folds to a Vietnamese stopword
            while (from > 0 && i - from < 4 && claimed[from - 1] == null && tokens.get(from - 1).capitalised()
                    && !(isStopword(tokens.get(from - 1)) && sentenceStart(tokens, from - 1))
                    && !tokens.get(from).hardBreakBefore()) {
                from--;
            }
            if (from < i) {
                claim(claimed, new Claim("loc:" + slug(tokens, from, i), EntityType.LOCATION, surface(tokens, from, i),
                        List.of(), from, i));
            }
        }
    }

    private boolean isStopword(Token token) {
        return token.facts() != null ? token.facts().stopword : stopwords.contains(token.key());
    }

    private static boolean abbreviationsOnly(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!tokens.get(k).abbreviation() && !tokens.get(k).isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static boolean sentenceStart(List<Token> tokens, int at) {
        return at == 0 || tokens.get(at).hardBreakBefore();
    }

    /** Further mentions of names the rules found elsewhere in the article ("Anouphab Tounalom" after a title). */
    private static void matchLearned(List<Zone> zones, List<Claim[]> claims) {
        Map<String, Claim> learned = new LinkedHashMap<>();
        // each distinct spelling once, found by its first word: a long page repeats a name thousands of times
        Map<String, Map<List<String>, String>> variantsByFirstKey = new HashMap<>();
        for (int z = 0; z < zones.size(); z++) {
            List<Token> zoneTokens = zones.get(z).tokens();
            Claim[] claimed = claims.get(z);
            for (int i = 0; i < claimed.length; i++) {
                Claim claim = claimed[i];
                // a claim fills every slot it spans: read it once, at its first word
                if (claim != null && claim.from() == i && claim.id() != null && claim.knownAliases().isEmpty()) {
                    learned.putIfAbsent(claim.id(), claim);
                    List<String> keys = zoneTokens.subList(claim.from(), claim.to()).stream().map(Token::key).toList();
                    variantsByFirstKey.computeIfAbsent(keys.get(0), first -> new LinkedHashMap<>()).putIfAbsent(keys, claim.id());
                }
            }
        }
        if (learned.isEmpty()) {
            return;
        }
        for (int z = 0; z < zones.size(); z++) {
            List<Token> tokens = zones.get(z).tokens();
            Claim[] claimed = claims.get(z);
            for (int i = 0; i < tokens.size(); i++) {
                Map<List<String>, String> variants = variantsByFirstKey.get(tokens.get(i).key());
                if (claimed[i] != null || variants == null) {
                    continue;
                }
                for (Map.Entry<List<String>, String> variant : variants.entrySet()) {
                    int length = matchedLength(tokens, claimed, i, variant.getKey());
                    if (length > 0) {
                        Claim original = learned.get(variant.getValue());
                        claim(claimed, new Claim(original.id(), original.type(), surface(tokens, i, i + length), List.of(),
                                i, i + length));
                        i += length - 1;
                        break;
                    }
                }
            }
        }
    }

    /**
     * "ông Nên", "bà Hooper": after the full name, articles use a title and the last name alone. It
     * is that person when exactly one person of the article has that last name.
     */
    private void matchShortNames(List<Zone> zones, List<Claim[]> claims) {
        Map<String, Map<String, Claim>> peopleByLastName = new HashMap<>();
        for (int z = 0; z < zones.size(); z++) {
            List<Token> tokens = zones.get(z).tokens();
            for (Claim claim : claims.get(z)) {
                if (claim != null && claim.type() == EntityType.PERSON && claim.to() - claim.from() >= 2) {
                    peopleByLastName.computeIfAbsent(tokens.get(claim.to() - 1).key(), key -> new LinkedHashMap<>())
                            .putIfAbsent(claim.id(), claim);
                }
            }
        }
        for (int z = 0; z < zones.size(); z++) {
            List<Token> tokens = zones.get(z).tokens();
            Claim[] claimed = claims.get(z);
            for (int j = 0; j < tokens.size(); j++) {
                int cue = claimed[j] == null ? cues.personCueAt(tokens, j) : 0;
                int at = j + cue;
                // "ông Đức" is a person even though "Đức" alone is also Germany
                boolean free = at < tokens.size() && (claimed[at] == null || (claimed[at].type() == EntityType.LOCATION
                        && claimed[at].to() - claimed[at].from() == 1));
                if (cue == 0 || !free || !tokens.get(at).capitalised()
                        || tokens.get(at).hardBreakBefore()
                        || (at + 1 < tokens.size() && tokens.get(at + 1).capitalised() && !tokens.get(at + 1).hardBreakBefore())) {
                    continue;
                }
                Map<String, Claim> people = peopleByLastName.getOrDefault(tokens.get(at).key(), Map.of());
                if (people.size() == 1) {
                    Claim person = people.values().iterator().next();
                    claim(claimed, new Claim(person.id(), person.type(), person.name(), person.knownAliases(), at, at + 1,
                            true));
                }
            }
        }
    }

    private static int matchedLength(List<Token> tokens, Claim[] claimed, int at, List<String> keys) {
        if (at + keys.size() > tokens.size() || !unclaimed(claimed, at, at + keys.size())) {
            return 0;
        }
        for (int i = 0; i < keys.size(); i++) {
            Token token = tokens.get(at + i);
            if (!token.key().equals(keys.get(i)) || (i > 0 && token.hardBreakBefore())) {
                return 0;
            }
        }
        return tokens.get(at + keys.size() - 1).capitalised() ? keys.size() : 0;
    }

    private List<Entity> aggregate(List<Zone> zones, List<Claim[]> claims, int max) {
        Map<String, double[]> scores = new LinkedHashMap<>();
        Map<String, Integer> mentions = new HashMap<>();
        Map<String, Claim> first = new HashMap<>();
        Map<String, Set<String>> surfaces = new HashMap<>();
        for (int z = 0; z < zones.size(); z++) {
            Zone zone = zones.get(z);
            Claim previous = null;
            for (Claim claim : claims.get(z)) {
                if (claim == null || claim == previous || claim.id() == null) {
                    previous = claim;
                    continue;
                }
                previous = claim;
                scores.computeIfAbsent(claim.id(), id -> new double[1])[0] += zone.weight();
                mentions.merge(claim.id(), 1, Integer::sum);
                first.putIfAbsent(claim.id(), claim);
                Set<String> seen = surfaces.computeIfAbsent(claim.id(), id -> new LinkedHashSet<>());
                if (!claim.composite()) {
                    seen.add(zone.text().substring(zone.tokens().get(claim.from()).start(), zone.tokens().get(claim.to() - 1).end()));
                }
            }
        }
        double best = scores.values().stream().mapToDouble(score -> score[0]).max().orElse(1);
        List<Entity> entities = new ArrayList<>();
        for (Map.Entry<String, double[]> scored : scores.entrySet()) {
            String id = scored.getKey();
            Claim claim = first.get(id);
            Set<String> aliases = new LinkedHashSet<>(claim.knownAliases());
            aliases.addAll(surfaces.get(id));
            String name = claim.knownAliases().isEmpty() ? mostAccented(surfaces.get(id)) : claim.name();
            double salience = Math.round(scored.getValue()[0] / best * 100) / 100.0;
            entities.add(new Entity(id, name, claim.type(), List.copyOf(aliases), mentions.get(id), salience));
        }
        return entities.stream()
                .sorted(Comparator.comparingDouble(Entity::salience).reversed()
                        .thenComparing(Comparator.comparingInt(Entity::mentions).reversed())
                        .thenComparing(Entity::name))
                .limit(max)
                .collect(Collectors.toList());
    }

    /** "Nguyễn Văn Nên" rather than "Nguyen Van Nen" when the article writes both. */
    private static String mostAccented(Set<String> forms) {
        String best = null;
        long bestMarks = -1;
        for (String form : forms) {
            long marks = form.codePoints().filter(c -> c > 0x7F).count();
            if (marks > bestMarks) {
                best = form;
                bestMarks = marks;
            }
        }
        return best;
    }

    /**
     * End of the run of capitalised, unclaimed words from {@code from}, stopping at punctuation. After a
     * cue the name must follow directly ("ông, …" announces none); a run of its own may start a sentence.
     */
    private static int capitalisedRun(List<Token> tokens, Claim[] claimed, int from, int maxWords, boolean afterCue) {
        if (from >= tokens.size() || (afterCue && tokens.get(from).hardBreakBefore())) {
            return from;
        }
        int to = from;
        while (to < tokens.size() && to - from < maxWords && (to == from || !tokens.get(to).hardBreakBefore())) {
            Token token = tokens.get(to);
            boolean nameWord = token.capitalised() || (to > from && hyphenatedSyllable(token));
            if (claimed[to] == null && nameWord) {
                to++;
            } else if (to > from && placeInsideName(tokens, claimed, to)) {
                // the person's claim will cover the place's word: "Huỳnh Thị Mỹ Lệ" is not in the United States
                to++;
            } else {
                break;
            }
        }
        return to;
    }

    /** The lower-case syllable of a hyphenated given name: "hyun" in "Dong-hyun". */
    private static boolean hyphenatedSyllable(Token token) {
        return token.gapBefore().equals("-") && Character.isLetter(token.surface().codePointAt(0));
    }

    /** A one-word place between capitalised words of a name ("Phạm Đức Toàn"), not at its end. */
    private static boolean placeInsideName(List<Token> tokens, Claim[] claimed, int at) {
        Claim place = claimed[at];
        return place != null && place.type() == EntityType.LOCATION && place.to() - place.from() == 1
                && at + 1 < tokens.size() && claimed[at + 1] == null && tokens.get(at + 1).capitalised()
                && !tokens.get(at + 1).hardBreakBefore();
    }

    private static boolean unclaimed(Claim[] claimed, int from, int to) {
        for (int i = from; i < to; i++) {
            if (i >= claimed.length || claimed[i] != null) {
                return false;
            }
        }
        return true;
    }

    private static void claim(Claim[] claimed, Claim claim) {
        for (int i = claim.from(); i < claim.to(); i++) {
            claimed[i] = claim;
        }
    }

    private static String surface(List<Token> tokens, int from, int to) {
        StringBuilder text = new StringBuilder(tokens.get(from).surface());
        for (int i = from + 1; i < to; i++) {
            Token token = tokens.get(i);
            text.append(token.gapBefore().isBlank() ? " " : token.gapBefore().strip().equals("-") && !token.gapBefore().contains(" ")
                    ? "-" : token.gapBefore().replaceAll("\\s+", " ")).append(token.surface());
        }
        return VietnameseText.collapseWhitespace(text.toString());
    }

    private static String slug(List<Token> tokens, int from, int to) {
        return tokens.subList(from, to).stream().map(Token::key).collect(Collectors.joining("-"));
    }

    private static String capitaliseFirst(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + name.substring(1);
    }
}
