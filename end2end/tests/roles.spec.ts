import { expect, Page } from '@playwright/test';
import { AGENT_EMAIL, DEMO_PASSWORD, open, signIn, signUp, test, uniqueEmail } from './helpers';

/** The staff page's row of one person. */
function staffRow(page: Page, name: string) {
  return page.locator('table.tickets tbody tr').filter({ hasText: name });
}

test('a custom role and a team: the billing agent sees only the team, adds no internal notes, finds by a word, and loses a reassigned ticket', async ({ browser }) => {
  const run = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const roleName = `Billing agent ${run}`;
  const teamName = `Billing ${run}`;
  const agentName = `Bianca Billing ${run}`;
  const agentEmail = uniqueEmail('bianca');
  const word = `wombat${run}`;

  // A customer writes in; the ticket lands in the default team.
  const customer = await (await browser.newContext()).newPage();
  await signUp(customer, 'Walter Wombat', uniqueEmail('walter'), 'walter wombat phrase');
  await open(customer, '/tickets/new');
  await customer.getByLabel('Subject').fill(`Refund for order ${run}`);
  await customer.getByLabel('Message').fill(`My ${word} plush arrived torn, please refund it.`);
  await customer.getByRole('button', { name: 'Send' }).click();
  await expect(customer).toHaveURL(/\/tickets\/[0-9a-f-]+$/);
  const ticketPath = new URL(customer.url()).pathname;

  // The admin makes the account, the role, the team; puts the agent in both.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@example.com', DEMO_PASSWORD);
  await open(admin, '/admin/users');
  await admin.getByLabel('Name').fill(agentName);
  await admin.getByLabel('Email').fill(agentEmail);
  await admin.getByLabel('Initial password').fill('typed by the admin');
  await admin.getByLabel('Role', { exact: true }).selectOption('agent');
  await admin.getByRole('button', { name: 'Create account' }).click();
  await expect(admin.getByRole('status')).toContainText(`Created ${agentName}`);

  await open(admin, '/admin/roles');
  await admin.getByLabel('Name').fill(roleName);
  await admin.getByLabel('View tickets').check();
  await admin.getByLabel('Reply to customers').check();
  await admin.getByLabel("Their teams' tickets").check();
  await admin.getByRole('button', { name: 'Save role' }).click();
  await expect(admin.getByRole('status')).toContainText('Role saved.');
  const roleRow = admin.locator('table.roles tbody tr').filter({ hasText: roleName });
  await expect(roleRow).toContainText("Their teams' tickets");
  await expect(roleRow).not.toContainText('internal notes');

  await open(admin, '/admin/teams');
  await admin.getByLabel('New team').fill(teamName);
  await admin.getByRole('button', { name: 'Create team' }).click();
  const team = admin.getByRole('region', { name: teamName });
  await expect(team).toBeVisible();
  await team.getByLabel(`Add someone to ${teamName}`).selectOption({ label: agentName });
  await team.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(team.getByRole('listitem').filter({ hasText: agentName })).toBeVisible();

  await open(admin, '/admin/users');
  const row = staffRow(admin, agentName);
  await row.getByLabel(`Role of ${agentName}`).selectOption({ label: roleName });
  await expect(admin.getByRole('status').filter({ hasText: 'Role saved.' })).toBeVisible();
  await open(admin, '/admin/users');
  await expect(staffRow(admin, agentName).getByLabel(`Role of ${agentName}`).locator('option:checked')).toHaveText(roleName);

  // The admin sends the ticket to the new team.
  await open(admin, ticketPath);
  await admin.getByLabel('Team', { exact: true }).selectOption({ label: teamName });
  await admin.getByRole('button', { name: 'Assign' }).click();
  await expect(admin.getByRole('status')).toContainText('Assignment saved.');
  await expect(admin.getByRole('region', { name: 'Assignment' })).toContainText(`Team: ${teamName}`);

  // The billing agent signs in (their own password first) and sees only that team's ticket.
  const agent = await (await browser.newContext()).newPage();
  await open(agent, '/sign-in');
  await agent.getByLabel('Email').fill(agentEmail);
  await agent.getByLabel('Password', { exact: true }).fill('typed by the admin');
  await agent.getByRole('button', { name: 'Sign in', exact: true }).click();
  await agent.getByLabel('Your own new password').fill('bianca own billing phrase');
  await agent.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(agent).toHaveURL(/\/tickets$/);
  await expect(agent.locator('body[data-hydrated="true"]')).toHaveCount(1);
  const rows = agent.locator('table.tickets tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`Refund for order ${run}`);
  const views = agent.getByRole('navigation', { name: 'Views of the queue' });
  await expect(views.getByRole('link')).toHaveText([/^Mine/, /^My teams/, /^Unassigned/]);
  // No settings, no privacy requests in the header for this role.
  const header = agent.getByRole('navigation', { name: 'Main' });
  await expect(header.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  await expect(header.getByRole('link', { name: 'Privacy requests' })).toHaveCount(0);

  // A word of the message finds it; the search stays within the team.
  await agent.getByLabel('Search').fill(word.toUpperCase());
  await agent.getByRole('button', { name: 'Filter' }).click();
  await expect(agent).toHaveURL(/q=WOMBAT/);
  await expect(rows).toHaveCount(1);
  await agent.getByLabel('Search').fill('Invoice shows the wrong address');
  await agent.getByRole('button', { name: 'Filter' }).click();
  await expect(agent.getByText('No ticket matches this search.')).toBeVisible();

  // The ticket: a reply box, but no internal note, no status, no assignment form.
  await open(agent, ticketPath);
  await expect(agent.getByRole('heading', { name: `Refund for order ${run}` })).toBeVisible();
  await expect(agent.getByLabel('Your message')).toBeVisible();
  await expect(agent.getByLabel('Internal note (never shown to the customer)')).toHaveCount(0);
  await expect(agent.getByRole('button', { name: 'Update status' })).toHaveCount(0);
  await expect(agent.getByRole('button', { name: 'Assign' })).toHaveCount(0);
  await agent.getByLabel('Your message').fill('We are refunding it today.');
  await agent.getByRole('button', { name: 'Send reply' }).click();
  await expect(agent.getByText('We are refunding it today.')).toBeVisible();

  // Another agent moves it back to Support: it leaves the billing agent's queue.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, AGENT_EMAIL, DEMO_PASSWORD);
  await open(other, ticketPath);
  await other.getByLabel('Team', { exact: true }).selectOption({ label: 'Support' });
  await other.getByRole('button', { name: 'Assign' }).click();
  await expect(other.getByRole('status')).toContainText('Assignment saved.');
  await open(agent, '/tickets');
  await expect(agent.getByText('No tickets here yet.')).toBeVisible();
  await open(agent, ticketPath);
  await expect(agent.getByText('We could not find that.')).toBeVisible();
});
