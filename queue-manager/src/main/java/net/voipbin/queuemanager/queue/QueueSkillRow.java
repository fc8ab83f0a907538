package net.voipbin.queuemanager.queue;

import java.util.Locale;

import org.springframework.data.relational.core.mapping.Table;

import net.voipbin.contract.agentmanager.AgentSkill;

/** A skill every agent of the queue must have, at least at {@code level}; stored lower case like agent-manager's. */
@Table("queue_skills")
record QueueSkillRow(String name, int level) {

    static QueueSkillRow of(AgentSkill skill) {
        return new QueueSkillRow(skill.name().toLowerCase(Locale.ROOT), skill.level());
    }

    AgentSkill toSkill() {
        return new AgentSkill(name, level);
    }
}
