package net.voipbin.agentmanager.agent;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.RingMethod;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.rpc.error.ApiException;

/**
 * The rules of an agent's profile, each failure a 400 naming the field. Addresses are checked by type because
 * call-manager puts the target into an Asterisk dial string: nothing that could name another endpoint or
 * technology gets through.
 */
final class AgentValidation {

    static final int MAX_ADDRESSES = 10;
    static final int MAX_SKILLS = 50;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{3,14}");
    private static final Pattern SIP_URI = Pattern.compile(
            "sips?:[A-Za-z0-9_.!~*'()&=+$,%-]+@([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?(;[A-Za-z0-9_.=-]+)*");
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9_.*#+-]{1,64}");
    private static final Pattern SKILL = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private AgentValidation() {
    }

    static AgentProfile profile(String name, String detail, RingMethod ringMethod, List<Address> addresses,
            List<AgentSkill> skills) {
        return new AgentProfile(name(name), detail(detail), ringMethod == null ? RingMethod.RINGALL : ringMethod,
                addresses(addresses), skills(skills));
    }

    static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw ApiException.invalidField("name", "required, at most 255 characters");
        }
        return name.strip();
    }

    static String detail(String detail) {
        if (detail != null && detail.length() > 1000) {
            throw ApiException.invalidField("detail", "at most 1000 characters");
        }
        return detail == null ? "" : detail;
    }

    static List<Address> addresses(List<Address> addresses) {
        if (addresses == null || addresses.isEmpty() || addresses.size() > MAX_ADDRESSES) {
            throw ApiException.invalidField("addresses", "1 to " + MAX_ADDRESSES + " addresses to ring");
        }
        for (int i = 0; i < addresses.size(); i++) {
            address("addresses[" + i + "]", addresses.get(i));
        }
        if (new HashSet<>(addresses).size() != addresses.size()) {
            throw ApiException.invalidField("addresses", "an address is listed twice");
        }
        return List.copyOf(addresses);
    }

    static List<AgentSkill> skills(List<AgentSkill> skills) {
        if (skills == null) {
            return List.of();
        }
        if (skills.size() > MAX_SKILLS) {
            throw ApiException.invalidField("skills", "at most " + MAX_SKILLS + " skills");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < skills.size(); i++) {
            AgentSkill skill = skill("skills[" + i + "]", skills.get(i));
            if (!names.add(skill.name())) {
                throw ApiException.invalidField("skills[" + i + "].name", "skill " + skill.name() + " is listed twice");
            }
        }
        return skills.stream().map(s -> new AgentSkill(s.name().toLowerCase(Locale.ROOT), s.level())).toList();
    }

    /** A skill as an agent has it, or as a reservation requires it (a minimum level). */
    static AgentSkill skill(String field, AgentSkill skill) {
        if (skill == null || skill.name() == null || !SKILL.matcher(skill.name()).matches()) {
            throw ApiException.invalidField(field + ".name", "must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        if (skill.level() < 1 || skill.level() > 100) {
            throw ApiException.invalidField(field + ".level", "must be between 1 and 100");
        }
        return new AgentSkill(skill.name().toLowerCase(Locale.ROOT), skill.level());
    }

    private static void address(String field, Address address) {
        if (address == null) {
            throw ApiException.invalidField(field, "must be an address {type, target}");
        }
        String target = address.target();
        switch (address.type()) {
            case TEL -> require(E164.matcher(target).matches(), field, "must be an E.164 number (+ and 4 to 15 digits)");
            case SIP -> require(SIP_URI.matcher(target).matches() && target.length() <= 256, field,
                    "must be a SIP URI like sip:alice@pbx.example.com");
            case EXTENSION -> require(EXTENSION.matcher(target).matches(), field,
                    "must be an extension of 1 to 64 letters, digits or _ . * # + -");
        }
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw ApiException.invalidField(field + ".target", message);
        }
    }
}
