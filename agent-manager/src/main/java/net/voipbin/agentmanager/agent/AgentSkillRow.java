package net.voipbin.agentmanager.agent;

import org.springframework.data.relational.core.mapping.Table;

import net.voipbin.contract.agentmanager.AgentSkill;

/** One skill of an agent's profile; the name is stored lower case so matching ignores case. */
@Table("agent_skills")
record AgentSkillRow(String name, int level) {

    static AgentSkillRow of(AgentSkill skill) {
        return new AgentSkillRow(skill.name().toLowerCase(java.util.Locale.ROOT), skill.level());
    }

    AgentSkill toSkill() {
        return new AgentSkill(name, level);
    }
}
