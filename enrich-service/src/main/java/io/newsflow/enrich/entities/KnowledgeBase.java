package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.newsflow.contract.EnrichedArticle.EntityType;
import io.newsflow.enrich.knowledge.LocalBodies;
import io.newsflow.enrich.knowledge.ResourceLines;

/**
 * Entities with canonical ids and aliases, from the tab-separated files under {@code knowledge/}.
 * Aliases are indexed in a tree of their folded words, so that a lookup follows the text's words
 * only as far as some alias goes and checks only the aliases whose words all match.
 */
final class KnowledgeBase {

    static final List<String> FILES = LocalBodies.ENTITY_FILES;
    static final String COUNTRIES = "knowledge/countries.tsv";

    /** A known entity; {@code localBody} marks a body every province has, named only with its place. */
    record Entry(String id, EntityType type, String name, List<String> aliases, boolean localBody,
                 boolean foreignCounterpart, boolean foreignPlace, String national) {
    }

    /**
     * One way to write an entry.
     *
     * @param keys            folded words
     * @param words           the words in lower case with their diacritics
     * @param mustCapitalise  per word: written capitalised in the alias, so it must be in the text
     * @param allCaps         an abbreviation: the text must write it in capitals too
     * @param commaInside     the alias itself holds a comma ("Bộ Văn hóa, Thể thao và Du lịch")
     */
    record Alias(Entry entry, String[] keys, String[] words, boolean[] mustCapitalise, boolean allCaps,
                 boolean commaInside) {

        int length() {
            return keys.length;
        }
    }

    /** The aliases whose folded words are the path to this node, in the order the files give them. */
    static final class Node {
        private final Map<String, Node> next = new HashMap<>(4);
        private final List<Alias> aliases = new ArrayList<>(1);
    }

    private final Node root = new Node();
    private final Map<String, Entry> entriesById = new HashMap<>();

    static KnowledgeBase load() {
        KnowledgeBase base = new KnowledgeBase();
        for (String file : FILES) {
            for (String line : ResourceLines.lines(file)) {
                base.add(file, line);
            }
        }
        return base;
    }

    private void add(String file, String line) {
        String[] columns = line.split("\t");
        if (columns.length < 4) {
            throw new IllegalStateException(file + ": expected id, type, name, aliases in: " + line);
        }
        String notes = columns.length > 4 ? columns[4] : "";
        boolean localBody = notes.contains("local-body");
        // a body every country has ("Bộ Công Thương"), and the places abroad that may own one
        boolean foreignCounterpart = notes.contains("foreign-counterpart");
        boolean foreignPlace = file.equals(COUNTRIES) && !notes.contains("home-country");
        // a local body's name written without a place may mean the national body ("Ủy ban MTTQ Việt Nam")
        String national = Arrays.stream(notes.split("\\s+")).filter(note -> note.startsWith("national="))
                .map(note -> note.substring("national=".length())).findFirst().orElse(null);
        List<String> aliases = Arrays.stream(columns[3].split("\\|")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        Entry entry = new Entry(columns[0].strip(), EntityType.valueOf(columns[1].strip()), columns[2].strip(), aliases,
                localBody, foreignCounterpart, foreignPlace, national);
        if (entriesById.putIfAbsent(entry.id(), entry) != null) {
            throw new IllegalStateException(file + ": duplicate id " + entry.id());
        }
        List<String> forms = new ArrayList<>(aliases);
        forms.add(entry.name());
        for (String form : forms) {
            List<Token> tokens = Token.of(form);
            if (tokens.isEmpty()) {
                continue;
            }
            String[] keys = tokens.stream().map(Token::key).toArray(String[]::new);
            boolean[] capitalised = new boolean[tokens.size()];
            boolean laterCapital = false;
            for (int i = 1; i < tokens.size(); i++) {
                capitalised[i] = tokens.get(i).capitalised();
                laterCapital |= capitalised[i];
            }
            // the first word may start lower case in running text ("thành phố Hồ Chí Minh") when a
            // later word is a capitalised name; a one-word alias must be capitalised itself
            capitalised[0] = tokens.get(0).capitalised() && !laterCapital;
            boolean allCaps = tokens.stream().allMatch(token -> token.allCaps() || token.isNumber());
            String[] words = tokens.stream().map(Token::lower).toArray(String[]::new);
            Alias alias = new Alias(entry, keys, words, capitalised, allCaps, form.contains(","));
            Node node = root;
            for (String key : keys) {
                node = node.next.computeIfAbsent(key, k -> new Node());
            }
            node.aliases.add(alias);
        }
    }

    /** The longest alias written at {@code at}, if any. */
    Alias longestMatch(List<Token> tokens, int at) {
        Token token = tokens.get(at);
        Node first = token.facts() != null ? token.facts().aliases : root.next.get(token.key());
        return first == null ? null : longestMatch(first, tokens, at, 1);
    }

    /** The longest alias below {@code node} (reached with {@code depth} words) that the text writes at {@code at}. */
    private static Alias longestMatch(Node node, List<Token> tokens, int at, int depth) {
        if (!node.next.isEmpty() && at + depth < tokens.size()) {
            Token token = tokens.get(at + depth);
            // no alias spans a gap that is not soft even with a comma
            Node deeper = token.softGapBefore(true) ? node.next.get(token.key()) : null;
            if (deeper != null) {
                Alias longer = longestMatch(deeper, tokens, at, depth + 1);
                if (longer != null) {
                    return longer;
                }
            }
        }
        for (Alias alias : node.aliases) {
            if (matches(alias, tokens, at)) {
                return alias;
            }
        }
        return null;
    }

    private static boolean matches(Alias alias, List<Token> tokens, int at) {
        if (at + alias.length() > tokens.size()) {
            return false;
        }
        boolean anyCapital = false;
        for (int i = 0; i < alias.length(); i++) {
            Token token = tokens.get(at + i);
            if (!token.writes(alias.words()[i], alias.keys()[i])) {
                return false;
            }
            if (i > 0 && !token.softGapBefore(alias.commaInside())) {
                return false;
            }
            if (alias.mustCapitalise()[i] && !token.capitalised()) {
                return false;
            }
            if (alias.allCaps() && !token.allCaps() && !token.isNumber()) {
                return false;
            }
            anyCapital |= token.capitalised();
        }
        // a name is written with a capital somewhere: "lào" in "người lao động" is not Laos
        return anyCapital;
    }

    /** The aliases starting with the folded word {@code key}, for {@link WordFacts}; null when none. */
    Node aliasesStartingWith(String key) {
        return root.next.get(key);
    }

    Entry byId(String id) {
        return entriesById.get(id);
    }
}
