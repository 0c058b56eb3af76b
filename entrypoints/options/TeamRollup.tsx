/**
 * The team roll-up: a lead chooses several agents' stats exports and sees the same report for the team.
 * The files are read in this tab only and never stored; a bad file refuses the whole import (nothing half-applied);
 * a team under MIN_GROUP agents shows nothing, and says why.
 */
import { useState } from 'preact/hooks';
import { MIN_GROUP, parseStatsExports, rollUp, type TeamView } from '../../lib/extension/stats-rollup';
import { StatsReport } from './StatsReport';

export function TeamRollup({ days, titles }: { days: number; titles: Map<string, string> }) {
  const [team, setTeam] = useState<TeamView | undefined>();
  const [errors, setErrors] = useState<string[]>([]);

  const onFiles = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (!files.length) return;
    const read = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    const parsed = parseStatsExports(read);
    setErrors(parsed.errors);
    if (parsed.exports) setTeam(rollUp(parsed.exports));
  };

  return (
    <section aria-labelledby="team-title" class="team">
      <h2 id="team-title">Team roll-up</h2>
      <p class="muted small">
        Ask each agent for their stats export (Stats → My counts → Export my counts) and choose all the files at once. They stay in
        this tab: nothing is stored, and closing the tab drops them. Groups under {MIN_GROUP} agents show nothing.
      </p>
      <p>
        <label class="btn primary file-btn">
          Choose agents' exports…
          <input type="file" multiple accept=".json,application/json" class="visually-hidden" data-testid="team-files" onChange={onFiles} />
        </label>
        {team && (
          <button type="button" class="btn" onClick={() => (setTeam(undefined), setErrors([]))}>
            Clear the team view
          </button>
        )}
      </p>
      {errors.length > 0 && (
        <div class="result error-box" role="alert" data-testid="team-errors">
          <strong>Nothing was imported{team ? '; the team view below is unchanged' : ''}.</strong>
          <ul>
            {errors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {team?.tooSmall ? (
        <p class="empty" role="status" data-testid="team-too-small">
          {team.agents} agent{team.agents === 1 ? '' : 's'}' export{team.agents === 1 ? '' : 's'} imported: the team view needs at least{' '}
          {MIN_GROUP}, so nothing is shown. With fewer, anyone could work out what one agent did.
        </p>
      ) : team ? (
        <>
          <p role="status" data-testid="team-status">
            The counts of {team.agents} agents, added up.
            {team.hiddenDays > 0 && ` ${team.hiddenDays} day${team.hiddenDays === 1 ? '' : 's'} on which fewer than ${MIN_GROUP} agents wrote are left out.`}
          </p>
          <StatsReport stats={team.stats} sendCheck={team.sendCheck} days={days} titles={titles} scope="team" />
        </>
      ) : null}
    </section>
  );
}
