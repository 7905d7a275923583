/** The storage contract of groups (part of {@link Store} as `store.groups`). Each method is one unit of work. */
import type { GroupConversation, GroupJoinRequest, GroupMember, GroupRole, GroupSummary, JoinPolicy, MemberRead, Message, SystemContent } from '@confab/protocol';

/** A system notice to append to a group's timeline; the actor is its sender. */
export interface NewNotice {
  id: string;
  content: SystemContent;
  createdAt: number;
}

export interface NewGroup {
  id: string;
  ownerId: string;
  name: string;
  description: string;
  avatarUrl: string | null;
  joinPolicy: JoinPolicy;
  /** Initial members besides the owner. */
  memberIds: string[];
  createdAt: number;
  /** The `created` notice. */
  notice: NewNotice;
}

export interface GroupRecord {
  id: string;
  name: string;
  description: string;
  avatarUrl: string | null;
  joinPolicy: JoinPolicy;
  ownerId: string;
}

export interface GroupPatch {
  name?: string;
  description?: string;
  avatarUrl?: string | null;
  joinPolicy?: JoinPolicy;
}

export interface NewGroupRequest {
  id: string;
  groupId: string;
  fromId: string;
  note: string;
  createdAt: number;
}

/** A decided join request, and the `member_joined` notice when the decision made a member. */
export interface GroupDecision {
  request: GroupJoinRequest;
  notice: Message | null;
}

export interface GroupStore {
  /** The group conversation, its row, the owner and initial members, and the `created` notice, in one transaction. */
  createGroup(group: NewGroup): Promise<Message>;
  getGroup(groupId: string): Promise<GroupRecord | null>;
  /** The group as `viewerId` sees it (myRole null for a non-member). */
  getGroupSummary(groupId: string, viewerId: string): Promise<GroupSummary | null>;
  /** Groups whose name contains `query` (case-insensitive), prefix matches first. */
  searchGroups(query: string, viewerId: string, limit: number): Promise<GroupSummary[]>;
  getRole(groupId: string, userId: string): Promise<GroupRole | null>;
  listMembers(groupId: string): Promise<GroupMember[]>;
  /** Ids of the groups `userId` belongs to (for socket rooms). */
  listGroupIds(userId: string): Promise<string[]>;
  /** Changes the group's fields; appends `notice` (a rename) when given. */
  updateGroup(groupId: string, patch: GroupPatch, notice: NewNotice | null): Promise<Message | null>;
  /** Adds a member and appends `notice`; null (and nothing written) when already a member. */
  addMember(groupId: string, userId: string, role: GroupRole, notice: NewNotice): Promise<Message | null>;
  /** Deletes the membership and appends `notice`; null (nothing written) when not a member. */
  removeMember(groupId: string, userId: string, notice: NewNotice): Promise<Message | null>;
  /** Sets a member's role (never to or from owner); null when not a member or an owner. */
  setRole(groupId: string, userId: string, role: 'admin' | 'member', notice: NewNotice): Promise<Message | null>;
  /** Makes `toId` the owner and `fromId` an admin; null unless `fromId` owns it and `toId` is a member. */
  transferOwner(groupId: string, fromId: string, toId: string, notice: NewNotice): Promise<Message | null>;
  /** Deletes the group, its conversation, messages and requests; returns who were members. */
  dissolveGroup(groupId: string): Promise<string[]>;

  /** Inserts a pending join request; null when one from this user to this group is pending. */
  createRequest(request: NewGroupRequest): Promise<GroupJoinRequest | null>;
  getRequest(id: string): Promise<GroupJoinRequest | null>;
  /** The user's own join requests and those to groups where they are owner or admin, newest first. */
  listRequests(userId: string): Promise<GroupJoinRequest[]>;
  /**
   * Decides a pending request once (UPDATE ... WHERE status = 'pending'): on `accepted`, adds the
   * member and appends `notice`, all in one transaction. Null when it was not pending.
   */
  decideRequest(id: string, deciderId: string | null, status: 'accepted' | 'rejected' | 'cancelled', now: number, notice: NewNotice | null): Promise<GroupDecision | null>;

  getConversationView(userId: string, groupId: string): Promise<GroupConversation | null>;
  listConversationViews(userId: string): Promise<GroupConversation[]>;
  /** Every member's read cursor. */
  listReads(conversationId: string): Promise<MemberRead[]>;
}
